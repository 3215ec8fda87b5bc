package pycompat

import "fmt"

// A starred target in a comprehension's for clause is split by
// _unpack_each, as in a for statement (star.go):
//
//	[r for a, *r in rows]   ->  [r for a, r in _unpack_each(rows, 1, 0)]

// compFor rewrites the comprehension clause starting at the `for` toks[k]
// (inside brackets) when its target has a star.
func (p *pass1) compFor(k, j int) error {
	d := p.toks[k].depth
	in := -1
	for m := k + 1; m < j && p.toks[m].depth >= d; m++ {
		if t := p.toks[m]; t.depth == d && t.kind == tName && t.text == "in" {
			in = m
			break
		}
	}
	if in < 0 || in+1 >= j {
		return nil
	}
	star, before, after, err := p.starTarget(k+1, in)
	if err != nil || star < 0 {
		return err
	}
	end := in + 1
	for end < j {
		t := p.toks[end]
		if t.depth < d || t.depth == d && (t.kind == tName && (t.text == "for" || t.text == "if" || t.text == "async") ||
			t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}") && p.match[end] < k) {
			break
		}
		end++
	}
	if end == in+1 {
		return nil
	}
	p.replace(star, "")
	p.insert(p.toks[in+1].start, "_unpack_each(")
	p.insert(p.toks[end-1].end, fmt.Sprintf(", %d, %d)", before, after))
	p.note(p.toks[k].line, "starred comprehension target -> _unpack_each()")
	return nil
}
