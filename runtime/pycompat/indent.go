package pycompat

// checkTabs reports indentation that mixes tabs and spaces inconsistently
// as CPython's TabError: each logical line's indentation is measured with
// tabs of 8 columns and of 1 column, and the two measures must order the
// lines the same way (CPython's tokenizer does the same).
func checkTabs(file, src string, toks []token) error {
	type level struct{ col, alt int }
	stack := []level{{0, 0}}
	for i, t := range toks {
		if t.kind == tNewline || i > 0 && toks[i-1].kind != tNewline {
			continue
		}
		col, alt, ok := indentWidths(src, t.start)
		if !ok {
			continue // not first on its line
		}
		top := stack[len(stack)-1]
		switch {
		case col == top.col:
			if alt != top.alt {
				return tabError(file, t)
			}
		case col > top.col:
			if alt <= top.alt {
				return tabError(file, t)
			}
			stack = append(stack, level{col, alt})
		default:
			for len(stack) > 1 && col < stack[len(stack)-1].col {
				stack = stack[:len(stack)-1]
			}
			if top = stack[len(stack)-1]; col == top.col && alt != top.alt {
				return tabError(file, t)
			}
		}
	}
	return nil
}

// indentWidths measures the whitespace before offset off on its line.
func indentWidths(src string, off int) (col, alt int, ok bool) {
	ls := off
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	for _, c := range []byte(src[ls:off]) {
		switch c {
		case ' ':
			col++
			alt++
		case '\t':
			col = (col/8 + 1) * 8
			alt++
		case '\f':
			col, alt = 0, 0
		default:
			return 0, 0, false
		}
	}
	return col, alt, true
}

func tabError(file string, t token) error {
	return &syntaxError{file, t.line, t.col, "TabError: inconsistent use of tabs and spaces in indentation"}
}
