package pycompat

// What the front end accepts, and how (each rewrite is listed by `qstar port`):
//
//	import a / import a as b / import a.b     a = _import("a")
//	from a import b, c as d / (b,\n c) / *    b = _import("a").b  (* via Options.ModuleNames)
//	global x                                  x lives in the module namespace _g
//	try/except E as e/else/finally            nested defs run by _try(); names assigned
//	                                          inside live in _g (module) or _l (function)
//	raise / raise E(msg) / raise E from x     _raise(...)
//	class C(Base): methods, super(),          C = _class("C", (Base,), _class_C())
//	  @staticmethod/@classmethod/@property
//	@decorator                                f = decorator(f) after the def
//	a ** b, a is None, a < b < c              pow(a, b), a == None, _chain(a, "<", b, "<", c)
//	f"{x:.2f}", s.format(...), "%5.1f" % x    _format / _mod with Python's format specs
//	b.decode(), s.encode(), b.hex(), l.sort() _decode(b) ... (fall back to the receiver's method)
//	b[0], for c in "str"/b"bytes"             _getitem (an int for bytes), _iter
//	del d[k], assert c, msg, a = b = 0        _delitem, _assert, split assignments
//	def f(): yield x / x = yield / yield from  f returns _generator(_gen_f, args): the body runs on its own thread
//	(f(x) for x in xs), next(g), g.send(v)    lazy _generator(lambda _it: [_yield(f(x)) for x in _it], xs)
//	sum/list/sorted/min/max/join(x for ...)   a list comprehension (drained anyway); any/all stay lazy
//	for x in gen() / iter(obj) / obj.__next__ for x in _iter(...): ...; _iter_end() raises what ended the loop
//
// Not supported (file:line:col, the construct's name and a hint): with,
// yield outside a def or in a lambda, async/await, nonlocal, for/while-else, the walrus
// operator, star-unpacking in assignments, complex numbers, slices in del.
//
// Known differences: chained comparisons evaluate every operand; `is`
// compares by value; augmented-assignment TypeErrors say "+" not "+=";
// exceptions keep `e` bound after the handler; a generator left suspended
// and dropped ends without running its finally (one a for loop called and
// left early is closed, as in CPython).
