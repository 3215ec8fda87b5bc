package pycompat

import "strings"

// nestedSpecFields turns the {expr} fields of an f-string format spec
// (f"{x:{width}.{prec}f}") into automatic {} fields and returns their
// rewritten expressions, which follow the value's in _format's arguments.
func (p *pass1) nestedSpecFields(t token, spec string) (string, []string, error) {
	if !strings.Contains(spec, "{") {
		return spec, nil, nil
	}
	var out strings.Builder
	var exprs []string
	for i := 0; i < len(spec); i++ {
		if spec[i] != '{' {
			out.WriteByte(spec[i])
			continue
		}
		j := strings.IndexByte(spec[i:], '}')
		if j < 0 {
			return "", nil, p.errAt(t, "f-string: expecting '}'")
		}
		expr := strings.TrimSpace(spec[i+1 : i+j])
		if expr == "" {
			return "", nil, p.errAt(t, "f-string: empty expression not allowed")
		}
		rw, err := rewriteExpr(p.file, expr, t.line, p.opts)
		if err != nil {
			return "", nil, err
		}
		exprs = append(exprs, "("+rw+")")
		out.WriteString("{}")
		i += j
	}
	return out.String(), exprs, nil
}
