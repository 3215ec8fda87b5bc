package pycompat

import "go.starlark.net/syntax"

// Python takes call arguments in any order after a star; Starlark wants
// positional, then named, then one *args, then one **kwargs. So
//
//	f(a, *b, c, sep=',')   ->  f(a, sep=',', *_spread_list(b, [c]))
//	f(**a, **b)            ->  f(**_spread_dict(a, b))
//	f(**a, k=1)            ->  f(**_spread_dict(a, {"k": 1}))
//
// (named arguments are then evaluated before the starred ones).

func (p *pass2) orderCallArgs(c *syntax.CallExpr) {
	var pos, named, spread, kws []syntax.Expr
	var run *syntax.ListExpr // positional arguments after a star
	star := false
	for _, a := range c.Args {
		switch a := a.(type) {
		case *syntax.UnaryExpr:
			if a.Op == syntax.STAR {
				star, run = true, nil
				spread = append(spread, a.X)
				continue
			}
			if a.Op == syntax.STARSTAR {
				kws = append(kws, a.X)
				continue
			}
		case *syntax.BinaryExpr:
			if a.Op == syntax.EQ {
				if id, ok := a.X.(*syntax.Ident); ok && len(kws) > 0 {
					// f(**d, k=v): k comes after d's keys, as Python orders kwargs
					start, _ := a.Span()
					kws = append(kws, &syntax.DictExpr{Lbrace: start, Rbrace: start, List: []syntax.Expr{&syntax.DictEntry{Key: strLit(start, id.Name), Colon: start, Value: a.Y}}})
					continue
				}
				named = append(named, a)
				continue
			}
		}
		if !star {
			pos = append(pos, a)
			continue
		}
		if run == nil {
			start, _ := a.Span()
			run = &syntax.ListExpr{Lbrack: start, Rbrack: start}
			spread = append(spread, run)
		}
		run.List = append(run.List, a)
	}
	if len(spread) <= 1 && len(kws) <= 1 && inOrder(c.Args) {
		return
	}
	out := append(pos, named...)
	if len(spread) > 0 {
		out = append(out, p.starArg(c, syntax.STAR, "_spread_list", spread))
	}
	if len(kws) > 0 {
		out = append(out, p.starArg(c, syntax.STARSTAR, "_spread_dict", kws))
	}
	c.Args = out
	p.note(c.Lparen, "call arguments reordered for Starlark (*args after keywords)")
}

// starArg is *x, or *_spread_list(x, y, ...) for several parts.
func (p *pass2) starArg(c *syntax.CallExpr, op syntax.Token, helper string, parts []syntax.Expr) syntax.Expr {
	x := parts[0]
	if _, isList := x.(*syntax.ListExpr); len(parts) > 1 || isList {
		x = call(c.Lparen, p.genIdent(c.Lparen, helper), parts...)
	}
	return &syntax.UnaryExpr{OpPos: c.Lparen, Op: op, X: x}
}

// inOrder reports whether the arguments already follow Starlark's order.
func inOrder(args []syntax.Expr) bool {
	rank := func(a syntax.Expr) int {
		switch a := a.(type) {
		case *syntax.UnaryExpr:
			if a.Op == syntax.STAR {
				return 2
			}
			if a.Op == syntax.STARSTAR {
				return 3
			}
		case *syntax.BinaryExpr:
			if a.Op == syntax.EQ {
				return 1
			}
		}
		return 0
	}
	last := 0
	for _, a := range args {
		r := rank(a)
		if r < last {
			return false
		}
		last = r
	}
	return true
}
