package linkkit

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// connectAsync starts the loop thread: 0 when started, 1 if it runs.
func connectAsync(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	if !lk.inState("INITIALIZED", "DISCONNECTED") {
		return nil, lk.stateError("not in INITIALIZED or DISCONNECTED state")
	}
	if lk.sess != nil {
		select {
		case <-lk.sess.done:
		default:
			return starlark.MakeInt(1), nil
		}
	}
	lk.setState("CONNECTING")
	lk.sess = lk.startSession()
	return starlark.MakeInt(0), nil
}

// disconnect sends DISCONNECT and waits for the loop thread to end; then
// on_disconnect(0) follows on the handler. Outside CONNECTED it only logs.
func disconnect(thread *starlark.Thread, lk *LinkKit) (starlark.Value, error) {
	lk.mu.Lock()
	if !lk.inState("CONNECTED") {
		lk.mu.Unlock()
		lk.logf("disconnect: not connected (state %s)", lk.stateName())
		return starlark.None, nil
	}
	lk.setState("DISCONNECTING")
	s := lk.sess
	lk.mu.Unlock()
	err := runtime.Block(thread, func(context.Context) error {
		s.stop(true)
		return nil
	})
	return starlark.None, err
}

// destroy ends the connection and the handler thread (joining it, unless
// called from a callback, where the SDK would block for ever).
func destroy(thread *starlark.Thread, lk *LinkKit) (starlark.Value, error) {
	lk.mu.Lock()
	if lk.inState("DESTRUCTED") {
		lk.mu.Unlock()
		lk.logf("destroy: already destructed")
		return starlark.None, nil
	}
	wasUp := lk.inState("CONNECTED", "CONNECTING")
	lk.setState("DESTRUCTING")
	s := lk.sess
	lk.sess = nil
	lk.mu.Unlock()
	err := runtime.Block(thread, func(context.Context) error {
		if s != nil {
			s.stop(false)
		}
		if wasUp {
			lk.lostLinkQuiet()
		}
		lk.handler.stop()
		if thread.Name != handlerThread {
			lk.handler.wait()
		}
		return nil
	})
	lk.mu.Lock()
	lk.setState("DESTRUCTED")
	lk.mu.Unlock()
	lk.unclose() // nothing is left to close at exit
	return starlark.None, err
}

func checkState(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	return lk.state, nil
}

func (lk *LinkKit) stateName() string {
	lk.mu.Lock()
	defer lk.mu.Unlock()
	return lk.state.Name()
}

// forceReconnect makes the loop drop the link and reconnect with backoff.
func forceReconnect(lk *LinkKit, _ *pyargs.Args) (starlark.Value, error) {
	lk.mu.Lock()
	s := lk.sess
	lk.mu.Unlock()
	if s != nil {
		select {
		case s.force <- struct{}{}:
		default:
		}
	}
	return starlark.None, nil
}

// onConnected: CONNECTED, then on_connect(session_flag, 0), then
// on_thing_enable when thing_setup was done.
func (lk *LinkKit) onConnected(sessionPresent bool) {
	lk.mu.Lock()
	lk.setState("CONNECTED")
	enable := lk.thing != nil
	lk.thingOn = enable
	lk.mu.Unlock()
	flag := 0
	if sessionPresent {
		flag = 1
	}
	lk.logf("connected")
	lk.handler.post("on_connect", starlark.MakeInt(flag), starlark.MakeInt(0), lk.userData)
	if enable {
		lk.handler.post("on_thing_enable", lk.userData)
	}
}

// lostLink is a session that ended on its own: on_thing_disable, then
// on_disconnect(1), granted topics and pending requests forgotten.
func (lk *LinkKit) lostLink() {
	lk.mu.Lock()
	wasUp := lk.inState("CONNECTED")
	lk.mu.Unlock()
	lk.lostLinkQuiet()
	lk.mu.Lock()
	if lk.inState("CONNECTED", "CONNECTING") {
		lk.setState("DISCONNECTED")
	}
	lk.mu.Unlock()
	if wasUp {
		lk.handler.post("on_disconnect", starlark.MakeInt(1), lk.userData)
	}
}

// lostLinkQuiet forgets the session's state and disables the thing API.
func (lk *LinkKit) lostLinkQuiet() {
	lk.mu.Lock()
	was := lk.thingOn
	lk.thingOn = false
	lk.granted = map[string]byte{}
	lk.pending = map[string]bool{}
	lk.mu.Unlock()
	if was {
		lk.handler.post("on_thing_disable", lk.userData)
	}
}

// disconnected ends a disconnect() call: DISCONNECTED, on_disconnect(0).
func (lk *LinkKit) disconnected(rc int) {
	lk.lostLinkQuiet()
	lk.mu.Lock()
	lk.setState("DISCONNECTED")
	lk.mu.Unlock()
	lk.handler.post("on_disconnect", starlark.MakeInt(rc), lk.userData)
}

// registered handles /ext/register or /ext/regnwl: the link was closed;
// the script gets the secret (or token triple), then on_disconnect(0).
func (s *session) registered(mode string, payload []byte) {
	lk := s.lk
	v, err := ujson.Decode(string(payload))
	d, ok := v.(*starlark.Dict)
	if err != nil || !ok {
		lk.env.Logf("linkkit: dynamic registration reply is not a JSON object: %q", payload)
		s.registerFailed(mode)
		return
	}
	field := func(k string) string {
		x, _, _ := d.Get(starlark.String(k))
		s, _ := pyargs.AsText(x)
		return s
	}
	lk.mu.Lock()
	lk.thingOn, lk.granted, lk.pending = false, map[string]byte{}, map[string]bool{}
	lk.setState("DISCONNECTED")
	lk.mu.Unlock()
	if mode == modeRegister {
		lk.handler.post("on_device_dynamic_register", starlark.MakeInt(0), starlark.String(field("deviceSecret")), starlark.None)
	} else {
		cid := field("clientId") + "|authType=connwl,securemode=-2,_ss=1,ext=3,lan=Python,_v=" + sdkVersion + "|"
		user := field("deviceName") + "&" + field("productKey")
		lk.handler.post("on_device_dynamic_register_nwl_reply", starlark.MakeInt(0), starlark.String(cid),
			starlark.String(user), starlark.String(field("deviceToken")))
	}
	lk.handler.post("on_disconnect", starlark.MakeInt(0), lk.userData)
}

// registerFailed: a dynamic-registration session that ended without an
// answer reports -0x301 / -0x302 and the loop stops (no retry).
func (s *session) registerFailed(mode string) {
	lk := s.lk
	lk.mu.Lock()
	lk.setState("DISCONNECTED")
	lk.mu.Unlock()
	if mode == modeRegister {
		lk.handler.post("on_device_dynamic_register", starlark.MakeInt(-0x301), starlark.None, starlark.None)
	} else {
		lk.handler.post("on_device_dynamic_register_nwl_reply", starlark.MakeInt(-0x302), starlark.None, starlark.None, starlark.None)
	}
}
