package legacy

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// message is an IoTHubMessage's Go side.
type message struct {
	data     []byte
	isString bool
	props    *starlark.Dict
}

// newMessage is IoTHubMessage(str | bytearray | bytes).
func (c *deviceClasses) newMessage(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, exc.TypeError("IoTHubMessage() takes exactly one argument")
	}
	m := &message{props: starlark.NewDict(0)}
	switch v := args[0].(type) {
	case starlark.String:
		m.data, m.isString = []byte(v), true
	case *pylib.ByteArray:
		m.data = append([]byte(nil), v.Bytes()...)
	default:
		b, err := pyargs.Buffer("IoTHubMessage", "source", v)
		if err != nil {
			return nil, exc.TypeError("IoTHubMessage: source must be str or bytearray, not %s", pyargs.TypeName(v))
		}
		m.data = b
	}
	return c.messageObject(m), nil
}

func (c *deviceClasses) messageObject(m *message) *pyobj.Object {
	o := pyobj.New(deviceModule+".IoTHubMessage", starlark.StringDict{
		"message_id": starlark.None, "correlation_id": starlark.None,
		"content_type": starlark.None, "content_encoding": starlark.None,
	})
	o.Go = m
	o.Method("get_bytearray", noArgs(func() starlark.Value { return pylib.NewByteArray(append([]byte(nil), m.data...)) }))
	o.Method("get_string", noArgs(func() starlark.Value { return starlark.String(m.data) }))
	o.Method("get_content_type", noArgs(func() starlark.Value {
		if m.isString {
			return c.contentType.Member("STRING")
		}
		return c.contentType.Member("BYTEARRAY")
	}))
	props := mapObject(m.props)
	o.Method("properties", noArgs(func() starlark.Value { return props }))
	return o
}

// noArgs adapts a method of no arguments.
func noArgs(f func() starlark.Value) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return f(), nil
	}
}

func newMap(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("IoTHubMap", args, kwargs, 0); err != nil {
		return nil, err
	}
	return mapObject(starlark.NewDict(0)), nil
}

// mapObject is an IoTHubMap over d (message properties).
func mapObject(d *starlark.Dict) *pyobj.Object {
	o := pyobj.New(deviceModule+".IoTHubMap", nil)
	kv := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (string, string, error) {
		var k, v string
		err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &k, &v)
		return k, v, err
	}
	key := func(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (string, error) {
		var k string
		err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &k)
		return k, err
	}
	set := func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		k, v, err := kv(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return starlark.None, d.SetKey(starlark.String(k), starlark.String(v))
	}
	o.Method("add", set).Method("add_or_update", set)
	o.Method("contains_key", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		k, err := key(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		_, found, _ := d.Get(starlark.String(k))
		return starlark.Bool(found), nil
	})
	o.Method("get_value", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		k, err := key(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		v, found, _ := d.Get(starlark.String(k))
		if !found {
			return starlark.None, nil
		}
		return v, nil
	})
	o.Method("delete", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		k, err := key(b, args, kwargs)
		if err != nil {
			return nil, err
		}
		_, _, err = d.Delete(starlark.String(k))
		return starlark.None, err
	})
	o.Method("get_internals", noArgs(func() starlark.Value {
		out := starlark.NewDict(d.Len())
		for _, it := range d.Items() {
			out.SetKey(it[0], it[1])
		}
		return out
	}))
	return o
}

// stringProps reads a message's properties for the wire.
func stringProps(m *message) map[string]string {
	out := map[string]string{}
	for _, it := range m.props.Items() {
		k, _ := starlark.AsString(it[0])
		v, _ := starlark.AsString(it[1])
		out[k] = v
	}
	return out
}
