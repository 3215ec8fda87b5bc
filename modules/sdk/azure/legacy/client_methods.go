package legacy

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// object is the script's view of the client.
func (cl *client) object() *pyobj.Object {
	o := pyobj.New(deviceModule+"."+cl.class, nil)
	o.Go = cl
	for _, n := range []string{"set_module_twin_callback", "set_device_twin_callback"} {
		o.Method(n, cl.setter(n, &cl.twinCB))
	}
	for _, n := range []string{"set_module_method_callback", "set_device_method_callback"} {
		o.Method(n, cl.setter(n, &cl.methodCB))
	}
	o.Method("set_message_callback", cl.setter("set_message_callback", &cl.messageCB))
	o.Method("set_connection_status_callback", cl.setter("set_connection_status_callback", &cl.statusCB))
	o.Method("send_event_async", cl.sendEvent)
	o.Method("send_reported_state", cl.sendReported)
	o.Method("set_option", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var name string
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &name, &v); err != nil {
			return nil, err
		}
		switch v.(type) {
		case starlark.Int, starlark.String:
		default:
			return nil, exc.TypeError("set_option expected type int or str")
		}
		return starlark.None, nil
	})
	o.Method("set_retry_policy", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, nil
	})
	o.Method("get_send_status", noArgs(func() starlark.Value { return starlark.MakeInt(0) }))
	return o
}

// setter is set_*_callback(callback, user_context).
func (cl *client) setter(name string, dst *[2]starlark.Value) builtinFn {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var fn, ctx starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &fn, &ctx); err != nil {
			return nil, err
		}
		if _, ok := fn.(starlark.Callable); !ok {
			return nil, exc.TypeError("%s expected type callable", name)
		}
		cl.mu.Lock()
		*dst = [2]starlark.Value{fn, ctx}
		cl.mu.Unlock()
		cl.poke()
		return starlark.None, nil
	}
}

// sendEvent is send_event_async([output_name,] message, callback, ctx):
// callback(message, IoTHubClientConfirmationResult, ctx) once the hub
// acknowledged it (or it failed).
func (cl *client) sendEvent(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 || (len(args) != 3 && len(args) != 4) {
		return nil, exc.TypeError("send_event_async(message, callback, user_context)")
	}
	if len(args) == 4 {
		args = args[1:] // an Edge output name: the event goes to the module's events
	}
	o, ok := args[0].(*pyobj.Object)
	m, isMsg := message{}, false
	if ok {
		if mm, ok := o.Go.(*message); ok {
			m, isMsg = *mm, true
		}
	}
	if !isMsg {
		return nil, exc.TypeError("send_event_async: message must be an IoTHubMessage, not %s", pyargs.TypeName(args[0]))
	}
	props := stringProps(&m)
	if id, ok := pyargs.AsText(o.Attrs["message_id"]); ok {
		props["$.mid"] = id
	}
	if id, ok := pyargs.AsText(o.Attrs["correlation_id"]); ok {
		props["$.cid"] = id
	}
	cb, uc := args[1], args[2]
	go func() {
		result := cl.c.confirmation.Member("OK")
		if err := cl.dev.SendEvent(cl.ctx, props, m.data); err != nil {
			result = cl.c.confirmation.Member("ERROR")
		}
		cl.q.Post(cb, nil, o, result, uc)
	}()
	return starlark.None, nil
}

// sendReported is send_reported_state(json, size, callback, ctx):
// callback(status_code, ctx) with the hub's status (204 on success).
func (cl *client) sendReported(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var state string
	var size int
	var cb, uc starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 4, &state, &size, &cb, &uc); err != nil {
		return nil, err
	}
	if _, ok := cb.(starlark.Callable); !ok {
		return nil, exc.TypeError("send_reported_state expected type callable")
	}
	go func() {
		ctx, cancel := context.WithCancel(cl.ctx)
		defer cancel()
		status, err := cl.dev.PatchReported(ctx, []byte(state))
		if err != nil {
			status = 500
		}
		cl.q.Post(cb, nil, starlark.MakeInt(status), uc)
	}()
	return starlark.None, nil
}
