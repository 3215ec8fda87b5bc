package modern

import (
	"context"
	"fmt"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/sdk/internal/pyobj"
	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

// op adapts a blocking client method: it runs with the interpreter lock
// released, and raises ClientError once the client is shut down.
func op(params []string, f func(ctx context.Context, cl *client, a *pyargs.Args) (starlark.Value, error)) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		a, err := pyargs.Bind(b.Name(), args, kwargs, params...)
		if err != nil {
			return nil, err
		}
		cl := b.Receiver().(*client)
		cl.mu.Lock()
		shut := cl.shut
		cl.mu.Unlock()
		if shut {
			return nil, cl.c.errs.client.Raise("Client has been shut down")
		}
		var out starlark.Value = starlark.None
		var opErr error
		if err := runtime.Block(t, func(ctx context.Context) error {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			stop := context.AfterFunc(cl.ctx, cancel)
			defer stop()
			out, opErr = f(ctx, cl, a)
			return nil
		}); err != nil {
			return nil, err
		}
		return out, opErr
	}
}

var clientMethods = map[string]builtinFn{
	"connect": op(nil, func(ctx context.Context, cl *client, _ *pyargs.Args) (starlark.Value, error) {
		if err := cl.dev.Connect(ctx); err != nil {
			return nil, cl.connectError(err)
		}
		if cl.ensure && cl.handler("on_twin_desired_properties_patch_received") != nil {
			go cl.ensureDesired()
		}
		return starlark.None, nil
	}),
	"disconnect": op(nil, func(_ context.Context, cl *client, _ *pyargs.Args) (starlark.Value, error) {
		cl.dev.Disconnect()
		return starlark.None, nil
	}),
	"shutdown": op(nil, func(_ context.Context, cl *client, _ *pyargs.Args) (starlark.Value, error) {
		cl.mu.Lock()
		cl.shut = true
		cl.mu.Unlock()
		cl.close()
		return starlark.None, nil
	}),
	"get_twin": op(nil, func(ctx context.Context, cl *client, _ *pyargs.Args) (starlark.Value, error) {
		body, err := cl.dev.GetTwin(ctx)
		if err != nil {
			return nil, cl.failure(err)
		}
		return ujson.Decode(string(body))
	}),
	"patch_twin_reported_properties": op([]string{"reported_properties_patch"}, func(ctx context.Context, cl *client, a *pyargs.Args) (starlark.Value, error) {
		body, err := ujson.Encode(a.Value("reported_properties_patch"))
		if err != nil {
			return nil, err
		}
		status, err := cl.dev.PatchReported(ctx, []byte(body))
		if err == nil && status >= 300 {
			err = fmt.Errorf("twin operation returned status %d", status)
		}
		if err != nil {
			return nil, cl.failure(err)
		}
		return starlark.None, nil
	}),
	"send_message": op([]string{"message"}, func(ctx context.Context, cl *client, a *pyargs.Args) (starlark.Value, error) {
		props, data, err := wireMessage(a.Value("message"))
		if err != nil {
			return nil, err
		}
		if len(data) > 256*1024 {
			return nil, exc.ValueError("Size of telemetry message can not exceed 256 KB.")
		}
		if err := cl.dev.SendEvent(ctx, props, data); err != nil {
			return nil, cl.failure(err)
		}
		return starlark.None, nil
	}),
	"send_method_response": op([]string{"method_response"}, func(ctx context.Context, cl *client, a *pyargs.Args) (starlark.Value, error) {
		r, ok := a.Value("method_response").(*pyobj.Object)
		if !ok {
			return nil, exc.TypeError("send_method_response: expected a MethodResponse")
		}
		rid, _ := pyargs.AsText(r.Attrs["request_id"])
		status, err := starlark.AsInt32(r.Attrs["status"])
		if err != nil {
			return nil, exc.TypeError("MethodResponse.status must be int")
		}
		body := "null"
		if p := r.Attrs["payload"]; p != nil && p != starlark.None {
			if body, err = ujson.Encode(p); err != nil {
				return nil, err
			}
		}
		if err := cl.dev.MethodResponse(ctx, rid, status, []byte(body)); err != nil {
			return nil, cl.failure(err)
		}
		return starlark.None, nil
	}),
}

// failure is how the sync API reports a failed operation.
func (cl *client) failure(err error) error {
	if !cl.dev.Connected() {
		return cl.c.errs.noConn.Raise(fmt.Sprintf("Client is not connected: %v", err))
	}
	return cl.c.errs.client.Raise(fmt.Sprintf("Unexpected failure: %v", err))
}

// wireMessage reads a str, bytes or Message into the property bag
// ($.mid, $.cid, $.ct, $.ce and custom properties) and the body.
func wireMessage(v starlark.Value) (map[string]string, []byte, error) {
	props := map[string]string{}
	o, ok := v.(*pyobj.Object)
	if !ok {
		b, err := pyargs.Buffer("send_message", "message", v)
		if s, isStr := pyargs.AsText(v); isStr {
			b, err = []byte(s), nil
		}
		return props, b, err
	}
	data := o.Attrs["data"]
	var body []byte
	if s, isStr := pyargs.AsText(data); isStr {
		body = []byte(s)
	} else if b, err := pyargs.Buffer("send_message", "data", data); err == nil {
		body = b
	} else {
		body = []byte(data.String())
	}
	for attr, key := range map[string]string{"message_id": "$.mid", "correlation_id": "$.cid", "content_type": "$.ct", "content_encoding": "$.ce"} {
		if s, ok := pyargs.AsText(o.Attrs[attr]); ok && s != "" {
			props[key] = s
		}
	}
	if d, ok := o.Attrs["custom_properties"].(*starlark.Dict); ok {
		for _, it := range d.Items() {
			k, _ := pyargs.AsText(it[0])
			props[k] = pyargsStr(it[1])
		}
	}
	return props, body, nil
}

func pyargsStr(v starlark.Value) string {
	if s, ok := pyargs.AsText(v); ok {
		return s
	}
	return v.String()
}
