package queue

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

var methodNames = []string{"clear", "empty", "full", "get", "get_nowait", "join", "put", "put_nowait", "qsize", "size", "task_done"}

func (q *Queue) AttrNames() []string { return append([]string{"maxsize"}, methodNames...) }

func (q *Queue) Attr(name string) (starlark.Value, error) {
	var f builtinFn
	switch name {
	case "maxsize":
		return starlark.MakeInt(q.maxsize), nil
	case "put":
		f = q.put
	case "put_nowait":
		f = q.putNowait
	case "get":
		f = q.get
	case "get_nowait":
		f = q.getNowait
	case "empty":
		f = q.answer(func() starlark.Value { return starlark.Bool(len(q.items) == 0) })
	case "full":
		f = q.answer(func() starlark.Value { return starlark.Bool(q.full()) })
	case "qsize", "size":
		f = q.answer(func() starlark.Value { return starlark.MakeInt(len(q.items)) })
	case "clear":
		f = q.answer(func() starlark.Value { q.items = nil; q.signal(); return starlark.None })
	case "task_done":
		f = q.taskDone
	case "join":
		f = q.join
	default:
		return nil, nil
	}
	return starlark.NewBuiltin(name, f), nil
}

func (q *Queue) answer(f func() starlark.Value) builtinFn {
	return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return f(), nil
	}
}

// put(item, block=True, timeout=None) waits for room, or raises queue.Full.
// It returns True, as QuecPython's put does.
func (q *Queue) put(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var item, block, timeout starlark.Value
	if err := pyargs.Unpack("put", args, kwargs, []string{"item?", "block?", "timeout?"}, &item, &block, &timeout); err != nil {
		return nil, err
	}
	if item == nil { // QuecPython's put(data=None)
		item = starlark.None
	}
	nonblocking, deadline, err := blocking("put", block, timeout)
	if err != nil {
		return nil, err
	}
	for q.full() {
		if nonblocking {
			return nil, &exc.Error{Type: fullName}
		}
		ok, err := q.wait(t, deadline)
		if err != nil {
			return nil, err
		}
		if !ok && q.full() {
			return nil, &exc.Error{Type: fullName}
		}
	}
	q.push(item)
	return starlark.True, nil
}

func (q *Queue) putNowait(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var item starlark.Value
	if err := starlark.UnpackPositionalArgs("put_nowait", args, kwargs, 1, &item); err != nil {
		return nil, err
	}
	return q.put(t, b, starlark.Tuple{item, starlark.False}, nil)
}

// get(block=True, timeout=None) waits for an item, or raises queue.Empty.
func (q *Queue) get(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var block, timeout starlark.Value
	if err := pyargs.Unpack("get", args, kwargs, []string{"block?", "timeout?"}, &block, &timeout); err != nil {
		return nil, err
	}
	nonblocking, deadline, err := blocking("get", block, timeout)
	if err != nil {
		return nil, err
	}
	for len(q.items) == 0 {
		if nonblocking {
			return nil, &exc.Error{Type: emptyName}
		}
		ok, err := q.wait(t, deadline)
		if err != nil {
			return nil, err
		}
		if !ok && len(q.items) == 0 {
			return nil, &exc.Error{Type: emptyName}
		}
	}
	return q.pop(), nil
}

func (q *Queue) getNowait(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("get_nowait", args, kwargs, 0); err != nil {
		return nil, err
	}
	return q.get(t, b, starlark.Tuple{starlark.False}, nil)
}

func (q *Queue) push(item starlark.Value) {
	q.items = append(q.items, item)
	q.unfinished++
	if q.kind == priority { // sift up: a binary min-heap, as heapq
		i := len(q.items) - 1
		for i > 0 {
			p := (i - 1) / 2
			if !less(q.items[i], q.items[p]) {
				break
			}
			q.items[i], q.items[p] = q.items[p], q.items[i]
			i = p
		}
	}
	q.signal()
}

func (q *Queue) pop() starlark.Value {
	var v starlark.Value
	n := len(q.items)
	switch q.kind {
	case lifo:
		v, q.items = q.items[n-1], q.items[:n-1]
	case priority:
		v = q.items[0]
		q.items[0] = q.items[n-1]
		q.items = q.items[:n-1]
		q.siftDown()
	default:
		v, q.items = q.items[0], q.items[1:]
	}
	q.signal()
	return v
}

func (q *Queue) siftDown() {
	i, n := 0, len(q.items)
	for {
		l, m := 2*i+1, i
		if l < n && less(q.items[l], q.items[m]) {
			m = l
		}
		if r := l + 1; r < n && less(q.items[r], q.items[m]) {
			m = r
		}
		if m == i {
			return
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
}

// less orders priority items; incomparable ones keep their place.
func less(a, b starlark.Value) bool {
	lt, err := starlark.Compare(syntax.LT, a, b)
	return err == nil && lt
}

func (q *Queue) taskDone(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("task_done", args, kwargs, 0); err != nil {
		return nil, err
	}
	if q.unfinished <= 0 {
		return nil, exc.ValueError("task_done() called too many times")
	}
	q.unfinished--
	q.signal()
	return starlark.None, nil
}

// join waits until every item put has been marked done with task_done.
func (q *Queue) join(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("join", args, kwargs, 0); err != nil {
		return nil, err
	}
	for q.unfinished > 0 {
		if _, err := q.wait(t, zeroTime); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}
