package linkkit

import (
	"fmt"
	"github.com/qstar-dev/qstar/modules/sdk/internal/pyenum"
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// linkKitClass is the LinkKit class: calling it builds a device, and it
// carries the nested LinkKitState, ErrorCode and StateError.
type linkKitClass struct {
	c   *classes
	env *runtime.Env
}

var (
	_ starlark.Callable = (*linkKitClass)(nil)
	_ starlark.HasAttrs = (*linkKitClass)(nil)
)

func (k *linkKitClass) String() string        { return "<class 'linkkit.linkkit.LinkKit'>" }
func (k *linkKitClass) Type() string          { return "type" }
func (k *linkKitClass) Freeze()               {}
func (k *linkKitClass) Truth() starlark.Bool  { return true }
func (k *linkKitClass) Hash() (uint32, error) { return starlark.String("LinkKit").Hash() }
func (k *linkKitClass) Name() string          { return "LinkKit" }

func (k *linkKitClass) Attr(name string) (starlark.Value, error) {
	switch name {
	case "LinkKitState":
		return k.c.state, nil
	case "ErrorCode":
		return k.c.errorCode, nil
	case "StateError":
		return k.c.stateError, nil
	case "TAG_KEY":
		return starlark.String("attrKey"), nil
	case "TAG_VALUE":
		return starlark.String("attrValue"), nil
	case "to_user_topic":
		return starlark.NewBuiltin("to_user_topic", toUserTopic), nil
	case "__name__":
		return starlark.String("LinkKit"), nil
	}
	return nil, nil
}

func (k *linkKitClass) AttrNames() []string {
	return []string{"ErrorCode", "LinkKitState", "StateError", "TAG_KEY", "TAG_VALUE", "to_user_topic"}
}

var ctorParams = []string{"host_name", "product_key", "device_name", "device_secret",
	"auth_type?", "username?", "client_id?", "password?", "instance_id?", "product_secret?", "user_data?"}

// CallInternal is LinkKit(host_name, product_key, device_name, device_secret, ...).
func (k *linkKitClass) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("LinkKit", args, kwargs, ctorParams...)
	if err != nil {
		return nil, err
	}
	str := func(name string) (string, error) {
		v := a.Value(name)
		if pyargs.IsNone(v) {
			return "", nil
		}
		s, ok := pyargs.AsText(v)
		if !ok {
			return "", exc.TypeError("LinkKit: argument '%s' must be str, not %s", name, pyargs.TypeName(v))
		}
		return s, nil
	}
	var id identity
	for _, f := range []struct {
		name string
		dst  *string
	}{{"host_name", &id.hostName}, {"product_key", &id.productKey}, {"device_name", &id.deviceName},
		{"device_secret", &id.deviceSecret}, {"auth_type", &id.authType}, {"username", &id.username},
		{"client_id", &id.clientID}, {"password", &id.password}, {"instance_id", &id.instanceID},
		{"product_secret", &id.productSecret}} {
		if *f.dst, err = str(f.name); err != nil {
			return nil, err
		}
	}
	if err := id.validate(); err != nil {
		return nil, err
	}
	ud := a.Value("user_data")
	if ud == nil {
		ud = starlark.None
	}
	lk := &LinkKit{
		cls: k.c, env: k.env, interp: runtime.FromThread(thread), id: id, userData: ud,
		cfg: defaultConfig(), callbacks: map[string]starlark.Value{}, extra: starlark.StringDict{},
		granted: map[string]byte{}, pending: map[string]bool{},
	}
	lk.state = k.c.state.Member("INITIALIZED")
	lk.handler = newHandler(lk)
	lk.unclose = k.env.OnClose(lk.shutdown)
	return lk, nil
}

// identity is what the constructor was given.
type identity struct {
	hostName, productKey, deviceName, deviceSecret string
	authType, username, clientID, password         string
	instanceID, productSecret                      string
}

// validate raises the constructor's ValueErrors, with 1.2.13's messages.
func (id *identity) validate() error {
	switch {
	case id.hostName == "":
		return exc.ValueError("host_name wrong")
	case id.productKey == "":
		return exc.ValueError("product key wrong")
	case id.deviceName == "":
		return exc.ValueError("device name wrong")
	case id.deviceSecret == "" && id.productSecret == "" && !id.hasTriple():
		return exc.ValueError("device secret & product secret are both empty")
	}
	return nil
}

// hasTriple reports whether client_id, username and password were all given.
func (id *identity) hasTriple() bool {
	return id.clientID != "" && id.username != "" && id.password != ""
}

// LinkKit is one device's connection, as the SDK's LinkKit object.
type LinkKit struct {
	cls      *classes
	env      *runtime.Env
	unclose  func() // unregisters shutdown once destroyed
	interp   *runtime.Interp
	handler  *handler
	userData starlark.Value

	mu         sync.Mutex
	id         identity
	cfg        config
	deviceInfo string
	state      *pyenum.Member
	callbacks  map[string]starlark.Value // on_* attributes
	extra      starlark.StringDict       // other attributes a script sets
	thing      *thingModel               // nil until thing_setup
	thingOn    bool                      // thing API enabled (connected after setup)
	granted    map[string]byte           // user topics with their SUBACK qos
	pending    map[string]bool           // Alink request ids awaiting a reply
	nextID     int
	nextMid    int
	sess       *session // the loop, while connect_async runs
	logging    bool
}

var (
	_ starlark.HasAttrs    = (*LinkKit)(nil)
	_ starlark.HasSetField = (*LinkKit)(nil)
)

func (lk *LinkKit) String() string {
	return fmt.Sprintf("<linkkit.linkkit.LinkKit %s/%s>", lk.id.productKey, lk.id.deviceName)
}
func (lk *LinkKit) Type() string          { return "LinkKit" }
func (lk *LinkKit) Freeze()               {} // mutable, guarded by mu
func (lk *LinkKit) Truth() starlark.Bool  { return true }
func (lk *LinkKit) Hash() (uint32, error) { return starlark.String(lk.String()).Hash() }

// readableCallbacks are the on_* properties 1.2.13 reads back; the others
// are write-only and read as None.
var readableCallbacks = map[string]bool{
	"on_connect": true, "on_disconnect": true, "on_thing_prop_post": true, "on_thing_event_post": true,
	"on_thing_shadow_get": true, "on_thing_raw_data_post": true,
	"on_thing_device_info_update": true, "on_thing_device_info_delete": true,
}

func (lk *LinkKit) Attr(name string) (starlark.Value, error) {
	if m, ok := methods[name]; ok {
		return starlark.NewBuiltin(name, m).BindReceiver(lk), nil
	}
	if v, _ := lk.cls.linkKit.Attr(name); v != nil {
		return v, nil
	}
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if strings.HasPrefix(name, "on_") {
		if v, ok := lk.callbacks[name]; ok && readableCallbacks[name] {
			return v, nil
		}
		if callbackNames[name] {
			return starlark.None, nil
		}
	}
	if v, ok := lk.extra[name]; ok {
		return v, nil
	}
	return nil, nil
}

func (lk *LinkKit) AttrNames() []string {
	names := lk.cls.linkKit.AttrNames()
	for m := range methods {
		names = append(names, m)
	}
	for c := range callbackNames {
		names = append(names, c)
	}
	sort.Strings(names)
	return names
}

// SetField stores callbacks (lk.on_connect = f) and any other attribute.
func (lk *LinkKit) SetField(name string, v starlark.Value) error {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if callbackNames[name] {
		if v != starlark.None {
			if _, ok := v.(starlark.Callable); !ok {
				return exc.TypeError("%s must be callable, not %s", name, pyargs.TypeName(v))
			}
		}
		lk.callbacks[name] = v
		return nil
	}
	if _, isMethod := methods[name]; isMethod {
		return exc.New("AttributeError", "'LinkKit' object attribute '%s' is read-only", name)
	}
	lk.extra[name] = v
	return nil
}

// callbackNames are the on_* attributes LinkKit calls.
var callbackNames = map[string]bool{
	"on_connect": true, "on_disconnect": true, "on_thing_enable": true, "on_thing_disable": true,
	"on_topic_message": true, "on_publish_topic": true, "on_subscribe_topic": true,
	"on_unsubscribe_topic": true, "on_topic_rrpc_message": true, "on_thing_prop_post": true,
	"on_thing_prop_changed": true, "on_thing_event_post": true, "on_thing_call_service": true,
	"on_thing_raw_data_arrived": true, "on_thing_raw_data_post": true,
	"on_thing_device_info_update": true, "on_thing_device_info_delete": true,
	"on_thing_shadow_get": true, "on_device_dynamic_register": true,
	"on_device_dynamic_register_nwl_reply": true, "on_ota_message_arrived": true,
}

// setState moves the state machine; callers hold mu.
func (lk *LinkKit) setState(name string) { lk.state = lk.cls.state.Member(name) }

func (lk *LinkKit) inState(names ...string) bool {
	for _, n := range names {
		if lk.state.Name() == n {
			return true
		}
	}
	return false
}

func (lk *LinkKit) stateError(msg string) error { return lk.cls.stateError.Raise(msg) }

// logf is LinkKit's own logging, on after enable_logger.
func (lk *LinkKit) logf(format string, args ...any) {
	lk.mu.Lock()
	on := lk.logging
	lk.mu.Unlock()
	if on {
		lk.env.Logf("linkkit: "+format, args...)
	}
}

// shutdown stops the loop and the handler when the interpreter closes.
func (lk *LinkKit) shutdown() {
	lk.mu.Lock()
	s := lk.sess
	lk.sess = nil
	lk.mu.Unlock()
	if s != nil {
		s.stop(false)
	}
	lk.handler.stop()
}

func toUserTopic(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var topic string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &topic); err != nil {
		return nil, err
	}
	parts := strings.SplitN(topic, "/", 4)
	if len(parts) < 4 {
		return starlark.String(""), nil
	}
	return starlark.String(parts[3]), nil
}
