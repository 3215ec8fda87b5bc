package ucollections

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

var dequeMethods = map[string]func(d *Deque, args starlark.Tuple) (starlark.Value, error){
	"append":     func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return none(d.push(a[0], false)) },
	"appendleft": func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return none(d.push(a[0], true)) },
	"extend":     func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.extend(a[0], false) },
	"extendleft": func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.extend(a[0], true) },
	"pop":        func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.pop(false) },
	"popleft":    func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.pop(true) },
	"clear":      func(d *Deque, a starlark.Tuple) (starlark.Value, error) { d.items = nil; return starlark.None, nil },
	"copy": func(d *Deque, a starlark.Tuple) (starlark.Value, error) {
		return &Deque{items: append([]starlark.Value(nil), d.items...), maxlen: d.maxlen, raiseFull: d.raiseFull, micro: d.micro}, nil
	},
	"count":   func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.count(a[0]) },
	"index":   func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.index(a) },
	"insert":  func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.insert(a[0], a[1]) },
	"remove":  func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.remove(a[0]) },
	"reverse": func(d *Deque, a starlark.Tuple) (starlark.Value, error) { d.reverse(); return starlark.None, nil },
	"rotate":  func(d *Deque, a starlark.Tuple) (starlark.Value, error) { return d.rotate(a) },
}

// arity is each method's (min, max) positional arguments.
var arity = map[string][2]int{
	"append": {1, 1}, "appendleft": {1, 1}, "extend": {1, 1}, "extendleft": {1, 1}, "count": {1, 1},
	"index": {1, 3}, "insert": {2, 2}, "remove": {1, 1}, "rotate": {0, 1},
}

func none(err error) (starlark.Value, error) { return starlark.None, err }

func (d *Deque) AttrNames() []string {
	names := []string{"maxlen"}
	for k := range dequeMethods {
		names = append(names, k)
	}
	return names
}

func (d *Deque) Attr(name string) (starlark.Value, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(d.maxlen), nil
	}
	m, ok := dequeMethods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		lim := arity[name]
		if len(kwargs) > 0 {
			return nil, typeErr("deque.%s() takes no keyword arguments", name)
		}
		if len(args) < lim[0] || len(args) > lim[1] {
			if lim[0] == lim[1] {
				return nil, typeErr("deque.%s() takes exactly %s (%d given)", name, plural(lim[0]), len(args))
			}
			return nil, typeErr("deque.%s() takes at most %s (%d given)", name, plural(lim[1]), len(args))
		}
		return m(d, args)
	}), nil
}

func plural(n int) string {
	switch n {
	case 0:
		return "no arguments"
	case 1:
		return "one argument"
	}
	return starlark.MakeInt(n).String() + " arguments"
}

func (d *Deque) extend(v starlark.Value, left bool) (starlark.Value, error) {
	vals, err := iterate(v)
	if err != nil {
		return nil, err
	}
	for _, x := range vals {
		if err := d.push(x, left); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func (d *Deque) pop(left bool) (starlark.Value, error) {
	n := len(d.items)
	if n == 0 && d.micro {
		return nil, exc.New("IndexError", "empty")
	}
	if n == 0 {
		return nil, exc.New("IndexError", "pop from an empty deque")
	}
	var v starlark.Value
	if left {
		v, d.items = d.items[0], d.items[1:]
	} else {
		v, d.items = d.items[n-1], d.items[:n-1]
	}
	return v, nil
}

func (d *Deque) count(x starlark.Value) (starlark.Value, error) {
	n := 0
	for _, v := range d.items {
		eq, err := starlark.Equal(v, x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return starlark.MakeInt(n), nil
}

func (d *Deque) index(a starlark.Tuple) (starlark.Value, error) {
	start, stop := 0, len(d.items)
	bound := func(v starlark.Value) (int, error) {
		n, err := pyargs.Int("index", "start", v)
		i := int(n)
		if i < 0 {
			i = max(i+len(d.items), 0)
		}
		return min(i, len(d.items)), err
	}
	var err error
	if len(a) > 1 {
		if start, err = bound(a[1]); err != nil {
			return nil, err
		}
	}
	if len(a) > 2 {
		if stop, err = bound(a[2]); err != nil {
			return nil, err
		}
	}
	for i := start; i < stop; i++ {
		eq, err := starlark.Equal(d.items[i], a[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return starlark.MakeInt(i), nil
		}
	}
	return nil, exc.ValueError("%s is not in deque", pyrepr.Repr(a[0]))
}

func (d *Deque) insert(iv, x starlark.Value) (starlark.Value, error) {
	if d.maxlen >= 0 && len(d.items) >= d.maxlen {
		return nil, exc.New("IndexError", "deque already at its maximum size")
	}
	n, err := pyargs.Int("insert", "index", iv)
	if err != nil {
		return nil, err
	}
	i := int(n)
	if i < 0 {
		i = max(i+len(d.items), 0)
	}
	i = min(i, len(d.items))
	d.items = append(d.items[:i], append([]starlark.Value{x}, d.items[i:]...)...)
	return starlark.None, nil
}

func (d *Deque) remove(x starlark.Value) (starlark.Value, error) {
	for i, v := range d.items {
		eq, err := starlark.Equal(v, x)
		if err != nil {
			return nil, err
		}
		if eq {
			d.items = append(d.items[:i:i], d.items[i+1:]...)
			return starlark.None, nil
		}
	}
	return nil, exc.ValueError("%s is not in deque", pyrepr.Repr(x))
}

func (d *Deque) reverse() {
	for i, j := 0, len(d.items)-1; i < j; i, j = i+1, j-1 {
		d.items[i], d.items[j] = d.items[j], d.items[i]
	}
}

// rotate(n=1) moves the last n items to the front (n < 0: the first to the back).
func (d *Deque) rotate(a starlark.Tuple) (starlark.Value, error) {
	n := int64(1)
	if len(a) > 0 {
		var err error
		if n, err = pyargs.Int("rotate", "n", a[0]); err != nil {
			return nil, err
		}
	}
	l := len(d.items)
	if l == 0 {
		return starlark.None, nil
	}
	k := int(((n % int64(l)) + int64(l)) % int64(l))
	d.items = append(append([]starlark.Value(nil), d.items[l-k:]...), d.items[:l-k]...)
	return starlark.None, nil
}
