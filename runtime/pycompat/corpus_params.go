package pycompat

// positionalOnlyMarker drops the `/` of def f(a, b, /, c): Starlark has no
// positional-only parameters, so a, b can also be passed by name here
// (more permissive than CPython, never a different result for a valid call).
func (p *pass1) positionalOnlyMarker(s int) error {
	end := p.toks[s].end
	if s+1 < len(p.toks) && p.toks[s+1].text == "," {
		end = p.toks[s+1].end
	}
	p.replaceRange(p.toks[s].start, end, "")
	p.note(p.toks[s].line, "positional-only marker / dropped")
	return nil
}
