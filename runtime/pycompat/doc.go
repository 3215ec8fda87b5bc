package pycompat

// What the front end accepts, and how (each rewrite is listed by `qstar port`):
//
//	import a / import a as b / import a.b     a = _import("a") / b = _import("a") / a = _import("a.b", top=True)
//	from a import b, c as d / (b,\n c)        b = _import("a", "b"); from .m import x: x = _import(".m", "x")
//	from a import *                           b = _import("a").b for each name (via Options.ModuleNames)
//	global x                                  x lives in the module namespace _g
//	try/except E as e/else/finally            nested defs run by _try(); names assigned
//	                                          inside live in _g (module) or _l (function)
//	raise / raise E(msg) / raise E from x     _raise(...)
//	class C(Base): methods, super(),          C = _class("C", (Base,), _class_C())
//	class C(Base, metaclass=M, flag=1)        _class(..., metaclass=M, flag=1): ABCMeta makes C an
//	                                          ABC; flag goes to __init_subclass__; other metaclasses
//	                                          are not run (C is a plain class)
//	  @staticmethod/@classmethod/@property    a class-body name its methods also mention
//	  (classscope.go)                         is renamed _cv_NAME, so `def open(self)` does
//	                                          not hide open() from the other methods
//	@decorator                                f = decorator(f) after the def
//	a ** b, a is None, a < b < c              pow(a, b), a == None, _chain(a, "<", b, "<", c)
//	a is b  (identity.go)                     _chain(a, "is", b): identity for lists, objects, ...
//	f"{x:.2f}", s.format(...), "%5.1f" % x    _format / _mod with Python's format specs
//	b.decode(), s.encode(), b.hex(), l.sort() _decode(b) ... (fall back to the receiver's method)
//	b[0], for c in "str"/b"bytes"             _getitem (an int for bytes), _iter
//	del d[k], assert c, msg, a = b = 0        _delitem, _assert, split assignments
//	def f(): yield x / x = yield / yield from  f returns _generator(_gen_f, args): the body runs on its own thread
//	(f(x) for x in xs), next(g), g.send(v)    lazy _generator(lambda _it: [_yield(f(x)) for x in _it], xs)
//	sum/list/sorted/min/max/join(x for ...)   a list comprehension (drained anyway); any/all stay lazy
//	for x in gen() / iter(obj) / obj.__next__ for x in _iter(...): ...; _iter_end() raises what ended the loop
//	with A as x, B:  (with.go)                def _with_1(_v): x = _v; body
//	                                          _with(A, _with_1) between __enter__/__exit__
//	for/while ... else  (loopelse.go)         a _broken_N flag set by the loop's breaks
//	nonlocal x  (nonlocal.go)                 x lives in the owner function's _l
//	a: int = 1, def f(a: int) -> T            annotations dropped (annotations.go)
//	a[i:j] = v, del a[::2]  (slices.go)       _setslice / _delslice (lists, bytearrays)
//	a, *rest = xs, for a, *b in rows          _unpack / _unpack_each (star.go);
//	for i, (k, *v) in rows  (nestedstar.go)   a temporary split first in the body
//	[*a, 1], {**d, 'k': v}  (spread.go)       _spread_list / _spread_dict ...
//	return *a, b / t = *a, 1                  _spread_tuple(a, [b]) (a bare starred tuple)
//	while (n := f()) > 0:  (walrus.go)        n = f() hoisted before the test;
//	                                          in a comprehension: _ns_set(_l, "y", f(x)), y in _l
//	[r for a, *r in rows]  (compstar.go)      _unpack_each(rows, 1, 0); `...` is Ellipsis
//	x **= y, f(*a, k=1)  (callargs.go)        x = pow(x, y), f(k=1, *a)
//	a @ b, a @= b  (matmul.go)                a * _MATMUL_ * b, then _matmul(a, b)
//	'\xe9', '\351' in str  (escapes.go)       the code point U+00E9
//	# -*- coding: gbk -*-  (source.go)        GBK/GB2312/GB18030 decoded first;
//	                                          mixed tabs/spaces: TabError (indent.go)
//	match x: case [a, *r] if g:  (match.go) _match(x, pattern) returns the bindings;
//	                                          flat ifs, so captures stay bound after
//	del x  (unbound.go)                      x = _deleted(); reads become _bound(x, "x", local):
//	                                          NameError / UnboundLocalError
//	a name defined nowhere in the file        _g.name: NameError when the line runs
//
// Not supported (file:line:col, the construct's name and a hint): yield
// outside a def or in a lambda inside a comprehension (a lambda that
// yields elsewhere becomes a generator def: yieldlambda.go), async/await, complex numbers, \N{...}
// escapes, a walrus inside a lambda.
//
// Known differences: chained comparisons evaluate every operand; `is`
// compares numbers, strings and tuples by value; augmented-assignment TypeErrors say "+" not "+=";
// exceptions keep `e` bound after the handler; a generator left suspended
// and dropped ends without running its finally (one a for loop called and
// left early is closed, as in CPython).
