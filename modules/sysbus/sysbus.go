// Package sysbus is QuecPython's sys_bus: an in-process publish/subscribe
// bus. Topics are str or int keys matched exactly (no wildcards), as in
// the firmware's sys_bus.py; handlers are called handler(topic, msg).
//
// publish queues one call per handler and returns at once; the calls run
// on a worker thread under the interpreter lock, in publish order (the
// firmware starts a thread per handler, so its order is not defined).
// publish_sync runs the handlers before returning. A raising handler
// prints its traceback and the other handlers still run.
package sysbus

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/callq"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

func init() {
	runtime.Register(runtime.Module{
		Name: "sys_bus",
		Doc:  "in-process publish/subscribe: subscribe(topic, handler), publish(topic, msg)",
		New:  newModule,
	})
}

// bus is one interpreter's topic table; it is only touched under the
// interpreter lock, like any script value.
type bus struct {
	table *starlark.Dict // topic -> list of handlers

	mu     sync.Mutex
	queues map[*runtime.Interp]*callq.Queue
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	b := &bus{table: starlark.NewDict(8), queues: map[*runtime.Interp]*callq.Queue{}}
	return pyargs.Builtins(map[string]builtinFn{
		"subscribe":    b.subscribe,
		"unsubscribe":  b.unsubscribe,
		"publish":      b.publish,
		"publish_sync": b.publishSync,
		"sub_table":    b.subTable,
	}), nil
}

func (b *bus) handlers(topic starlark.Value) (*starlark.List, error) {
	v, found, err := b.table.Get(topic)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, nil
	}
	return v.(*starlark.List), nil
}

func keyError(topic starlark.Value) error { return exc.New("KeyError", "%s", pyrepr.Repr(topic)) }

func (b *bus) subscribe(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var topic, cb starlark.Value
	if err := starlark.UnpackPositionalArgs("subscribe", args, kw, 2, &topic, &cb); err != nil {
		return nil, err
	}
	if topic == starlark.None {
		return nil, keyError(topic)
	}
	if _, ok := cb.(starlark.Callable); !ok {
		return nil, exc.TypeError("subscribe: handler must be callable, not %s", pyargs.TypeName(cb))
	}
	list, err := b.handlers(topic)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = starlark.NewList(nil)
		if err := b.table.SetKey(topic, list); err != nil {
			return nil, err
		}
	}
	return starlark.None, list.Append(cb)
}

func (b *bus) unsubscribe(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var topic, cb starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("unsubscribe", args, kw, 1, &topic, &cb); err != nil {
		return nil, err
	}
	list, err := b.handlers(topic)
	if err != nil {
		return nil, err
	}
	if list == nil {
		return nil, keyError(topic)
	}
	if cb == starlark.None {
		_, _, err := b.table.Delete(topic)
		return starlark.None, err
	}
	i := findHandler(list, cb)
	if i < 0 {
		return nil, exc.ValueError("list.remove(x): x not in list")
	}
	rest := make([]starlark.Value, 0, list.Len()-1)
	for j := 0; j < list.Len(); j++ {
		if j != i {
			rest = append(rest, list.Index(j))
		}
	}
	return starlark.None, b.table.SetKey(topic, starlark.NewList(rest))
}

// findHandler is the index of cb in list, or -1. A bound method
// (self.on_msg) is a new builtin each time it is read, so after an exact
// match it matches a builtin by receiver and name, and failing a receiver,
// by name when only one handler has it.
func findHandler(list *starlark.List, cb starlark.Value) int {
	for i := 0; i < list.Len(); i++ {
		if same, err := starlark.Equal(list.Index(i), cb); err == nil && same {
			return i
		}
	}
	want, ok := cb.(*starlark.Builtin)
	if !ok {
		return -1
	}
	found, count := -1, 0
	for i := 0; i < list.Len(); i++ {
		h, ok := list.Index(i).(*starlark.Builtin)
		if !ok || h.Name() != want.Name() {
			continue
		}
		if h.Receiver() != nil && identical(h.Receiver(), want.Receiver()) {
			return i
		}
		found, count = i, count+1
	}
	if count == 1 && want.Receiver() == nil {
		return found
	}
	return -1
}

// snapshot is the topic's handlers now (a handler may unsubscribe).
func (b *bus) snapshot(topic starlark.Value) ([]starlark.Value, error) {
	list, err := b.handlers(topic)
	if err != nil || list == nil {
		return nil, err
	}
	out := make([]starlark.Value, list.Len())
	for i := range out {
		out[i] = list.Index(i)
	}
	return out, nil
}

func (b *bus) queue(t *starlark.Thread) (*callq.Queue, error) {
	in := runtime.FromThread(t)
	if in == nil {
		return nil, exc.RuntimeError("sys_bus.publish needs a script thread")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	q := b.queues[in]
	if q == nil {
		q = callq.New(in, "sys_bus")
		b.queues[in] = q
	}
	return q, nil
}

func (b *bus) publish(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var topic, msg starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("publish", args, kw, 1, &topic, &msg); err != nil {
		return nil, err
	}
	cbs, err := b.snapshot(topic)
	if err != nil || len(cbs) == 0 {
		return starlark.None, err
	}
	q, err := b.queue(t)
	if err != nil {
		return nil, err
	}
	for _, cb := range cbs {
		q.Push(cb, func() starlark.Tuple { return starlark.Tuple{topic, msg} })
	}
	return starlark.None, nil
}

func (b *bus) publishSync(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var topic, msg starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("publish_sync", args, kw, 1, &topic, &msg); err != nil {
		return nil, err
	}
	cbs, err := b.snapshot(topic)
	if err != nil {
		return nil, err
	}
	in := runtime.FromThread(t)
	for _, cb := range cbs {
		if _, err := starlark.Call(t, cb, starlark.Tuple{topic, msg}, nil); err != nil {
			if _, exit := runtime.ExitCode(err); exit || runtime.IsCancelled(err) || in == nil {
				return nil, err
			}
			in.ReportError(err)
		}
	}
	return starlark.None, nil
}

func (b *bus) subTable(t *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var topic starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs("sub_table", args, kw, 0, &topic); err != nil {
		return nil, err
	}
	if topic != starlark.None {
		list, err := b.handlers(topic)
		if err != nil {
			return nil, err
		}
		if list == nil {
			return nil, keyError(topic)
		}
		return list, nil
	}
	out := starlark.NewDict(b.table.Len())
	for _, kv := range b.table.Items() {
		if err := out.SetKey(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// identical compares by identity; a value whose type cannot be compared
// (a tuple is a slice) is not identical to anything.
func identical(a, b starlark.Value) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}
