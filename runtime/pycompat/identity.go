package pycompat

// `a is b` tests identity through _chain(a, "is", b) (Starlark has no
// `is`): the same list, dict, set, object, class or function. A test
// against None, True or False stays `==` / `!=`, which is the same there
// and cheaper.

// identityTest reports whether the one comparison toks[op] in the segment
// toks[start:end] is an `is` that needs the identity helper.
func (p *pass1) identityTest(start, op, end int) bool {
	if p.toks[op].text != "is" {
		return false
	}
	right := op + 1
	if right < end && p.toks[right].text == "not" {
		right++
	}
	singleton := func(a, b int) bool {
		if b-a != 1 {
			return false
		}
		switch p.toks[a].text {
		case "None", "True", "False":
			return p.toks[a].kind == tName
		}
		return false
	}
	return !singleton(start, op) && !singleton(right, end)
}
