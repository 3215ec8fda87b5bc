package pycompat

import "go.starlark.net/syntax"

// How `nonlocal x` is translated. Starlark closures can read but not
// assign the enclosing function's variables, so x moves into the
// namespace object of the function that owns it (its `_l`, the one that
// also holds names assigned in try blocks), and both functions reach it
// as _l.x:
//
//	def counter():              def counter():
//	    n = 0                       _l = _namespace()
//	    def inc():                  _l.n = 0
//	        nonlocal n              def inc():
//	        n += 1                      _l.n += 1
//	        return n                    return _l.n
//	    return inc                  return inc
//
// The resolver (scope.go) leaves x out of the inner function's own names,
// so its lookup finds the owner's namespace.

const mkNonlocal = "_NONLOCAL_"

func (p *pass1) nonlocalStmt(i, j int) error {
	t := p.toks[i]
	if i+1 >= j {
		return p.errAt(t, "invalid syntax: nonlocal needs a name")
	}
	p.replace(i, mkNonlocal+"(")
	p.insert(p.toks[j-1].end, ")")
	p.note(t.line, "nonlocal %s -> the enclosing function's namespace _l", p.src[p.toks[i+1].start:p.toks[j-1].end])
	return nil
}

func (p *pass2) nonlocalStmt(c *syntax.CallExpr, fn *fnInfo) ([]syntax.Stmt, error) {
	if fn == nil {
		return nil, p.errAt(c.Lparen, "nonlocal declaration not allowed at module level")
	}
	for _, a := range c.Args {
		id, ok := a.(*syntax.Ident)
		if !ok {
			return nil, p.errAt(c.Lparen, "invalid syntax: nonlocal takes names")
		}
		owner := nonlocalOwner(fn.parent, id.Name)
		if owner == nil {
			return nil, p.errAt(syntax.Start(c), "no binding for nonlocal '%s' found", id.Name)
		}
		fn.nonlocals[id.Name] = true
		owner.ns[id.Name] = true
	}
	pass := passAt(c.Lparen)
	p.globalPass[pass] = true // leaves nothing, as global does
	return []syntax.Stmt{pass}, nil
}

// nonlocalOwner is the nearest enclosing function that binds name itself.
func nonlocalOwner(fn *fnInfo, name string) *fnInfo {
	for ; fn != nil; fn = fn.parent {
		if fn.nonlocals[name] || fn.globals[name] {
			if fn.globals[name] {
				return nil
			}
			continue
		}
		if fn.bound[name] {
			return fn
		}
	}
	return nil
}
