package pycompat

import (
	"strings"

	"go.starlark.net/syntax"
)

// Generators. Pass 1 turns `yield x` into _yield(x) and `yield from x` into
// _yield_from(x); pass 2 turns a def whose body yields into a def that
// returns a generator running the body (pylib/generator.go):
//
//	def gen(a, b=1):              def gen(a, b=1):
//	    yield a                       def _gen_gen(a, b):
//	                                      _yield(a)
//	                                  return _generator(_gen_gen, a, b)
//
// A generator expression stays a list comprehension where its consumer
// drains it anyway (sum, any, list, sorted, join, ...); elsewhere it is lazy:
//
//	(f(x) for x in xs if x)   ->   _generator(lambda _it: [_yield(f(x)) for x in _it if x], xs)

const mkGenexpr = "_GENEXPR_"

// eagerConsumers drain a generator expression passed as their only
// argument, so a list comprehension gives the same result (any and all
// stop early, so theirs stay lazy).
var eagerConsumers = map[string]bool{
	"sum": true, "list": true, "sorted": true, "tuple": true,
	"set": true, "min": true, "max": true, "join": true, "dict": true, "frozenset": true,
}

// yieldTok rewrites the yield at k in toks[i:j] (pass 1): the yield's
// operand runs to the end of the enclosing bracket or statement.
func (p *pass1) yieldTok(k, j int) {
	t := p.toks[k]
	end := k + 1
	for end < j && p.toks[end].depth >= t.depth {
		end++
	}
	open := "_yield("
	if k+1 < end && p.toks[k+1].kind == tName && p.toks[k+1].text == "from" {
		open = "_yield_from("
		p.replace(k+1, "")
		p.note(t.line, "yield from x -> _yield_from(x)")
	} else {
		p.note(t.line, "yield x -> _yield(x)")
	}
	if end == k+1 {
		p.replace(k, open+")")
		return
	}
	p.replace(k, open)
	p.insert(p.toks[end-1].end, ")")
}

// genexprLazy reports whether the generator expression in the bracket at k
// must stay lazy: it is not the only argument of an eager consumer.
func (p *pass1) genexprLazy(k int) bool {
	if k == 0 || p.toks[k-1].kind != tName {
		return true
	}
	name := p.toks[k-1].text
	if k >= 2 && p.toks[k-2].text == "." {
		return name != "join" // obj.max(...) is the object's own method
	}
	return !eagerConsumers[name]
}

// isGeneratorDef reports whether the body of def s yields (not counting
// nested defs and lambdas).
func isGeneratorDef(s *syntax.DefStmt) bool {
	found := false
	for _, st := range s.Body {
		syntax.Walk(st, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.DefStmt, *syntax.LambdaExpr:
				return false
			case *syntax.CallExpr:
				if name := markerName(n); name == "_yield" || name == "_yield_from" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// generatorDef moves the body of generator function s into a nested def
// that _generator runs when the generator is first advanced.
func (p *pass2) generatorDef(s *syntax.DefStmt) {
	pos := s.Def
	name := "_gen_" + s.Name.Name
	p.genName[name] = true
	var params, args []syntax.Expr
	for _, prm := range s.Params {
		n, _ := paramName(prm)
		if n == "" {
			continue // the bare * of keyword-only parameters
		}
		params = append(params, ident(pos, n))
		args = append(args, ident(pos, n))
	}
	body := &syntax.DefStmt{Def: pos, Name: p.genIdent(pos, name), Lparen: pos, Params: params, Rparen: pos, Body: s.Body}
	ret := &syntax.ReturnStmt{Return: pos, Result: call(pos, p.genIdent(pos, "_generator"), append([]syntax.Expr{p.genIdent(pos, name)}, args...)...)}
	s.Body = []syntax.Stmt{body, ret}
	p.note(pos, "generator %s -> def returning _generator(%s, ...)", s.Name.Name, name)
}

// isGenBody reports whether s is a body generatorDef made.
func (p *pass2) isGenBody(s *syntax.DefStmt) bool {
	return p.skip[s.Name] && strings.HasPrefix(s.Name.Name, "_gen_")
}

// lazyGenexpr turns the marked comprehension _GENEXPR_([...]) into a lazy
// generator: the first iterable is evaluated now, as in Python.
func (p *pass2) lazyGenexpr(c *syntax.CallExpr) syntax.Expr {
	comp, ok := c.Args[0].(*syntax.Comprehension)
	if !ok || len(comp.Clauses) == 0 {
		return c
	}
	first, ok := comp.Clauses[0].(*syntax.ForClause)
	if !ok {
		return c
	}
	pos := c.Lparen
	src := first.X
	first.X = p.genIdent(pos, "_it")
	comp.Body = call(pos, p.genIdent(pos, "_yield"), comp.Body)
	fn := &syntax.LambdaExpr{Lambda: pos, Params: []syntax.Expr{p.genIdent(pos, "_it")}, Body: comp}
	p.note(pos, "generator expression -> _generator(lambda ...)")
	return call(pos, p.genIdent(pos, "_generator"), fn, src)
}

// loopIter is _iter(x) for a loop's iterable; _iter(x, True) when the loop
// calls a function for it, so a generator it leaves early is closed, as
// CPython does when its last reference goes.
func (p *pass2) loopIter(x syntax.Expr) syntax.Expr {
	start := syntax.Start(x)
	if c, ok := x.(*syntax.CallExpr); ok && !notOwning[markerName(c)] {
		return call(start, p.genIdent(start, "_iter"), x, ident(start, "True"))
	}
	return call(start, p.genIdent(start, "_iter"), x)
}

// notOwning calls return an iterator that may be referenced elsewhere.
var notOwning = map[string]bool{"iter": true, "enumerate": true, "zip": true, "map": true, "filter": true, "reversed": true, "next": true, "getattr": true}

// isIterCall reports whether e is an _iter(...) the resolver made.
func (p *pass2) isIterCall(e syntax.Expr) bool {
	c, ok := e.(*syntax.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fn.(*syntax.Ident)
	return ok && p.skip[id] && id.Name == "_iter"
}

// iterEnd is the statement after a loop over _iter(...): it raises the
// error that ended the loop (a Starlark iterator cannot).
func (p *pass2) iterEnd(s *syntax.ForStmt) syntax.Stmt {
	return &syntax.ExprStmt{X: call(s.For, p.genIdent(s.For, "_iter_end"))}
}

// checkYields rejects yield outside a function and inside a lambda.
func (p *pass2) checkYields(f *syntax.File) error {
	var bad *syntax.CallExpr
	var inGen func(n syntax.Node, ok bool)
	inGen = func(root syntax.Node, ok bool) {
		syntax.Walk(root, func(n syntax.Node) bool {
			if bad != nil {
				return false
			}
			switch n := n.(type) {
			case *syntax.DefStmt:
				if n != root {
					inGen(n, p.isGenBody(n) || ok && p.gen[n])
					return false
				}
			case *syntax.LambdaExpr:
				if n != root {
					inGen(n.Body, false)
					return false
				}
			case *syntax.CallExpr:
				if name := markerName(n); !ok && (name == "_yield" || name == "_yield_from") {
					bad = n
				}
			}
			return true
		})
	}
	for _, s := range f.Stmts {
		inGen(s, false)
	}
	if bad != nil {
		return p.errAt(bad.Lparen, "'yield' outside function (or inside a lambda) is not supported by qstar; hint: yield inside a def")
	}
	return nil
}
