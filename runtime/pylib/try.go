package pylib

import (
	"errors"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// signal is a control transfer out of a try part: return, break, continue.
type signal struct {
	kind  string
	value starlark.Value
}

func (s *signal) String() string        { return "<" + s.kind + ">" }
func (s *signal) Type() string          { return "signal" }
func (s *signal) Freeze()               {}
func (s *signal) Truth() starlark.Bool  { return true }
func (s *signal) Hash() (uint32, error) { return starlark.String(s.kind).Hash() }
func (s *signal) AttrNames() []string   { return []string{"value"} }
func (s *signal) Attr(name string) (starlark.Value, error) {
	if name == "value" {
		return s.value, nil
	}
	return nil, nil
}

var (
	breakSignal    = &signal{kind: "break", value: starlark.None}
	continueSignal = &signal{kind: "continue", value: starlark.None}
)

func retBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.None
	if len(args) > 0 {
		v = args[0]
	}
	return &signal{kind: "return", value: v}, nil
}

func asSignal(v starlark.Value) starlark.Value {
	if s, ok := v.(*signal); ok {
		return s
	}
	return starlark.None
}

// uncatchable errors end the script whatever its handlers say.
func uncatchable(err error) bool {
	msg := err.Error()
	if strings.Contains(msg, "Starlark computation cancelled") {
		return true
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "interrupted" || e == errAbandoned {
			return true
		}
	}
	return false
}

// TakePending, set by the runtime, turns the cancellation that carries an
// exception raised from outside the bytecode (KeyboardInterrupt on Ctrl-C,
// RecursionError) into that exception, so handlers can catch it.
var TakePending = func(_ *starlark.Thread, err error) error { return err }

// _try(body, [(classes, handler), ...], orelse, final) runs a translated
// try statement and returns None or the control signal to re-issue.
func tryBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var body, orelse, final starlark.Value
	var handlers *starlark.List
	if err := starlark.UnpackPositionalArgs("_try", args, kwargs, 4, &body, &handlers, &orelse, &final); err != nil {
		return nil, err
	}
	res, err := starlark.Call(thread, body, nil, nil)
	err = TakePending(thread, err)
	sig := asSignal(res)
	var pending error
	if err != nil {
		sig = starlark.None
		if uncatchable(err) {
			return nil, err
		}
		pending = err
		inst := errToInstance(err)
		for i := 0; i < handlers.Len(); i++ {
			h, ok := handlers.Index(i).(starlark.Tuple)
			if !ok || len(h) != 2 {
				return nil, exc.TypeError("_try: bad handler")
			}
			match, merr := matches(thread, inst, h[0])
			if merr != nil {
				pending = merr
				break
			}
			if !match {
				continue
			}
			if d := thread.CallStackDepth() - 1; inst.tbFrom == 0 || d < inst.tbFrom {
				inst.tbFrom = d // the frame calling _try caught it (tbobject.go)
			}
			res, herr := handling(thread, inst, func() (starlark.Value, error) { // corpus_chain.go
				return starlark.Call(thread, h[1], starlark.Tuple{inst}, nil)
			})
			pending = herr
			if herr == nil {
				sig = asSignal(res)
			}
			break
		}
	} else if orelse != starlark.None && sig == starlark.None { // a return or break in the body skips else
		res, err := starlark.Call(thread, orelse, nil, nil)
		if err != nil {
			pending = err
		} else {
			sig = asSignal(res)
		}
	}
	if final != starlark.None {
		if pending != nil && uncatchable(pending) {
			return nil, pending
		}
		res, ferr := starlark.Call(thread, final, nil, nil)
		if ferr != nil {
			return nil, ferr
		}
		if s := asSignal(res); s != starlark.None {
			return s, nil // return/break in finally discards the exception, as in Python
		}
	}
	if pending != nil {
		return nil, pending
	}
	return sig, nil
}

// matches reports whether exception inst is an instance of spec (a class,
// a tuple of classes, or None for a bare except).
func matches(thread *starlark.Thread, inst *Instance, spec starlark.Value) (bool, error) {
	switch spec := spec.(type) {
	case starlark.NoneType:
		return true, nil
	case *Class:
		if !spec.exc {
			return false, exc.TypeError("catching classes that do not inherit from BaseException is not allowed")
		}
		return inst.class.isSubclass(spec), nil
	case *starlark.Function:
		// a lazily evaluated except expression
		v, err := starlark.Call(thread, spec, nil, nil)
		if err != nil {
			return false, err
		}
		return matches(thread, inst, v)
	case starlark.Tuple:
		for _, s := range spec {
			ok, err := matches(thread, inst, s)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, exc.TypeError("catching classes that do not inherit from BaseException is not allowed")
}

// errToInstance gives a Go error its Python exception object.
func errToInstance(err error) *Instance {
	if e, ok := exc.As(err); ok {
		if inst, ok := e.Value.(*Instance); ok {
			inst.err = err
			return inst
		}
		if e.Errno != 0 {
			return osExc(e, err)
		}
		inst := newExc(e.Type, e.Msg, err)
		for k, v := range e.Attrs {
			switch v := v.(type) {
			case string:
				inst.attrs.SetKey(starlark.String(k), starlark.String(v))
			case int:
				inst.attrs.SetKey(starlark.String(k), starlark.MakeInt(v))
			}
		}
		return inst
	}
	msg := err.Error()
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		msg = ee.Msg
	}
	if strings.HasPrefix(msg, "SystemExit") {
		return newExc("SystemExit", strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(msg, "SystemExit"), ":")), err)
	}
	if e := exc.Classify(msg); e != nil {
		return newExc(e.Type, e.Msg, err)
	}
	return newExc("Exception", msg, err)
}

func newExc(typ, msg string, err error) *Instance {
	c := builtinClass(typ)
	inst := newInstance(c, nil)
	inst.err = err
	if msg != "" {
		var arg starlark.Value = starlark.String(msg)
		if c.isSubclass(builtinClass("KeyError")) {
			arg = parseRepr(msg)
		}
		inst.args = starlark.Tuple{arg}
	}
	return inst
}

// parseRepr turns a KeyError message (the key's repr) back into the key.
func parseRepr(s string) starlark.Value {
	if n := len(s); n >= 2 && (s[0] == '\'' && s[n-1] == '\'' || s[0] == '"' && s[n-1] == '"') {
		inner := s[1 : n-1]
		if s[0] == '\'' {
			inner = strings.ReplaceAll(strings.ReplaceAll(inner, `\'`, `'`), `"`, `\"`)
		}
		if u, err := strconv.Unquote(`"` + inner + `"`); err == nil {
			return starlark.String(u)
		}
		return starlark.String(s[1 : n-1])
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return starlark.MakeInt64(i)
	}
	return starlark.String(s)
}

// _raise(x, cause=None) is `raise x [from cause]`; _raise() re-raises the
// active exception (the translator passes it inside handlers).
func raiseBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, exc.RuntimeError("No active exception to reraise")
	}
	if len(args) > 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("raise: too many arguments")
	}
	x := args[0]
	if c, ok := x.(*Class); ok {
		v, err := c.CallInternal(thread, nil, nil)
		if err != nil {
			return nil, err
		}
		x = v
	}
	inst, ok := x.(*Instance)
	if !ok || !inst.class.exc {
		return nil, exc.TypeError("exceptions must derive from BaseException")
	}
	chainException(thread, inst, args) // corpus_chain.go
	if inst.err != nil {
		return nil, inst.err
	}
	return nil, &exc.Error{Type: inst.class.name, Msg: inst.PyStr(), Value: inst}
}

// _iter(x) is what a for loop iterates: characters of a string, ints of
// bytes or a bytearray, x itself otherwise.
func iterBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_iter takes one argument")
	}
	// iter.go: iterators and generators; _iter(x, True): the loop owns x
	if it, ok, err := loopIterable(thread, args[0], len(args) == 2 && bool(args[1].Truth())); ok || err != nil {
		return it, err
	}
	switch x := args[0].(type) {
	case starlark.String:
		var out []starlark.Value
		for _, r := range string(x) {
			out = append(out, starlark.String(string(r)))
		}
		return starlark.NewList(out), nil
	case starlark.Bytes, *ByteArray:
		vals, _ := collect(x)
		return starlark.NewList(vals), nil
	case *starlark.List:
		return &liveList{l: x}, nil // corpus_listloop.go: the loop may append
	case *starlark.Set:
		if order := pyrepr.SetOrder(x); order != nil {
			return starlark.Tuple(order), nil // CPython's order (pyrepr/setorder.go)
		}
		return x, nil // no CPython order to replay (str elements): insertion order
	case *starlark.Dict, *dictView:
		return dictLoopOf(thread, x), nil // dictloop.go: changing the size ends the loop with RuntimeError
	case *Instance:
		if !x.iterable() {
			return nil, exc.TypeError("'%s' object is not iterable", x.class.name)
		}
		return x, nil
	case *Class:
		if x.enum == nil { // only enumerations iterate (their members)
			return nil, exc.TypeError("'type' object is not iterable")
		}
		return x, nil
	case starlark.Iterable:
		return x, nil
	}
	return nil, exc.TypeError("'%s' object is not iterable", typeName(args[0]))
}

// _getitem(x, i) is x[i] with Python's meaning: an int for bytes, Python's
// IndexError/KeyError messages, and __getitem__ for script classes.
func indexBuiltin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, exc.TypeError("_getitem takes 2 arguments")
	}
	x, k := args[0], args[1]
	if s, ok := x.(starlark.String); ok {
		if v, done, err := runeIndex(s, k); done { // corpus_unicode.go
			return v, err
		}
	} else if sl, ok := k.(*pySlice); ok { // a slice object from __getitem__ (corpus_slice.go)
		if _, isInst := x.(*Instance); !isInst {
			return applySlice(x, sl)
		}
	}
	switch c := x.(type) {
	case starlark.Bytes:
		i, err := seqIndex(k, len(c), "index out of range")
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(int(c[i])), nil
	case *Instance:
		if fn := c.class.lookup("__getitem__"); fn != nil {
			return starlark.Call(thread, fn, starlark.Tuple{c, k}, nil)
		}
		return nil, exc.TypeError("'%s' object is not subscriptable", c.class.name)
	case starlark.Mapping:
		v, found, err := c.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, exc.KeyError("%s", pyrepr.Repr(k))
		}
		return v, nil
	case starlark.Indexable:
		kind := typeName(x)
		if kind == "str" {
			kind = "string"
		}
		i, err := seqIndex(k, c.Len(), kind+" index out of range")
		if err != nil {
			return nil, err
		}
		return c.Index(i), nil
	}
	return nil, exc.TypeError("'%s' object is not subscriptable", typeName(x))
}

func seqIndex(k starlark.Value, n int, outOfRange string) (int, error) {
	var i int
	switch v := k.(type) {
	case starlark.Int:
		i64, ok := v.Int64()
		if !ok || i64 < int64(-n) || i64 >= int64(n) {
			return 0, exc.New("IndexError", "%s", outOfRange)
		}
		i = int(i64)
	case starlark.Bool:
		if v {
			i = 1
		}
	case *Instance:
		if r, ok, err := v.dunder("__index__"); ok { // an object usable as an index
			if err != nil {
				return 0, err
			}
			if _, isInt := r.(starlark.Int); isInt {
				return seqIndex(r, n, outOfRange)
			}
			return 0, exc.TypeError("__index__ returned non-int (type %s)", typeName(r))
		}
		return 0, exc.TypeError("indices must be integers or slices, not %s", typeName(k))
	default:
		return 0, exc.TypeError("indices must be integers or slices, not %s", typeName(k))
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, exc.New("IndexError", "%s", outOfRange)
	}
	return i, nil
}

// _assert(cond, msg=None) is the assert statement.
func assertBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cond, msg starlark.Value = starlark.None, nil
	if err := starlark.UnpackPositionalArgs("assert", args, kwargs, 1, &cond, &msg); err != nil {
		return nil, err
	}
	if cond.Truth() {
		return starlark.None, nil
	}
	if msg == nil {
		return nil, &exc.Error{Type: "AssertionError"}
	}
	inst := newExc("AssertionError", "", nil)
	inst.args = starlark.Tuple{msg}
	return nil, &exc.Error{Type: "AssertionError", Msg: pyrepr.Str(msg), Value: inst}
}

// Namespace is a mutable bag of variables: the module's `_g` (global
// names) and a function's `_l` (names assigned inside try blocks).
type Namespace struct {
	vars  starlark.StringDict
	local bool // a function's _l: a missing name is an UnboundLocalError
}

func (n *Namespace) String() string        { return "<namespace>" }
func (n *Namespace) Type() string          { return "namespace" }
func (n *Namespace) Freeze()               {} // shared mutable state, guarded by the interpreter lock
func (n *Namespace) Truth() starlark.Bool  { return true }
func (n *Namespace) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'namespace'") }
func (n *Namespace) AttrNames() []string   { return n.vars.Keys() }
func (n *Namespace) Attr(name string) (starlark.Value, error) {
	if v, ok := n.vars[name]; ok {
		return v, nil
	}
	return nil, unboundError(name, n.local)
}
func (n *Namespace) SetField(name string, v starlark.Value) error {
	if v == deleted { // del name (unbound.go)
		delete(n.vars, name)
		return nil
	}
	n.vars[name] = v
	return nil
}

func namespaceBuiltin(_ *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return &Namespace{vars: starlark.StringDict{}, local: true}, nil
}

// _ns_set(ns, name, v) stores v in a namespace and returns it: a walrus
// inside a comprehension binds in the enclosing scope.
func nsSetBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := helperArgs("_ns_set", args, kwargs, 3); err != nil {
		return nil, err
	}
	ns, ok := args[0].(*Namespace)
	name, _ := starlark.AsString(args[1])
	if !ok {
		return nil, exc.TypeError("_ns_set: not a namespace")
	}
	return args[2], ns.SetField(name, args[2])
}

const moduleNSKey = "pycompat.module_namespace"

// NewModuleNamespace returns a module namespace (`_g`) whose variables
// are globals itself. A REPL passes its session globals, so `global x` in
// one chunk and a plain x in another are the same variable.
func NewModuleNamespace(globals starlark.StringDict) starlark.Value {
	return &Namespace{vars: globals}
}

// SetModuleNamespace makes translated code on t use ns as its `_g`. A REPL
// sets the same namespace on each chunk's thread; a file needs nothing.
func SetModuleNamespace(t *starlark.Thread, ns starlark.Value) {
	t.SetLocal(moduleNSKey, ns)
}

// SyntheticFrame reports whether a call-frame name belongs to a function
// the translator made (a try block, a handler, a class body), so a
// traceback can show the enclosing function instead.
func SyntheticFrame(name string) bool {
	for _, p := range []string{"_try_", "_exc_", "_else_", "_fin_", "_class_", "_with_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// _module_namespace() returns the module's `_g`; REPL chunks run on one
// thread and so share it.
func moduleNamespaceBuiltin(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if ns, ok := thread.Local(moduleNSKey).(starlark.Value); ok {
		return ns, nil
	}
	ns := &Namespace{vars: starlark.StringDict{}}
	thread.SetLocal(moduleNSKey, ns)
	return ns, nil
}
