package exc

import (
	"strconv"
	"strings"
)

var (
	reNoArgs     = lazyRegexp(`^function (\S+) accepts no arguments \((\d+) given\)$`)
	reTooMany    = lazyRegexp(`^function (\S+) accepts (at most )?(\d+) positional arguments? \((\d+) given\)$`)
	reMultiple   = lazyRegexp(`^function (\S+) got multiple values for parameter "(\w+)"$`)
	reUnexpected = lazyRegexp(`^function (\S+) got an unexpected keyword argument "(\w+)"$`)
	reMissing    = lazyRegexp(`^function (\S+) missing \d+ arguments? \((.*)\)$`)
)

// CallSignature tells CallError what go.starlark.net's message leaves out.
type CallSignature struct {
	Display  string          // the name CPython shows: "A.m" for a method ("" keeps the message's)
	KwOnly   map[string]bool // keyword-only parameters
	Required int             // positional parameters without a default, or -1
}

// CallError rewords go.starlark.net's argument-binding errors as CPython's
// ("f() missing 1 required positional argument: 'x'"), or returns nil.
func CallError(msg string, sig CallSignature) *Error {
	name := func(n string) string {
		if sig.Display != "" {
			n = sig.Display
		}
		if n == "lambda" {
			n = "<lambda>"
		}
		return n + "()"
	}
	if m := reNoArgs().FindStringSubmatch(msg); m != nil {
		return TypeError("%s takes 0 positional arguments but %s %s given", name(m[1]), m[2], wasWere(m[2]))
	}
	if m := reTooMany().FindStringSubmatch(msg); m != nil {
		max, _ := strconv.Atoi(m[3])
		if m[2] != "" && sig.Required >= 0 && sig.Required < max {
			return TypeError("%s takes from %d to %d positional arguments but %s %s given", name(m[1]), sig.Required, max, m[4], wasWere(m[4]))
		}
		return TypeError("%s takes %d positional argument%s but %s %s given", name(m[1]), max, plural(max), m[4], wasWere(m[4]))
	}
	if m := reMultiple().FindStringSubmatch(msg); m != nil {
		return TypeError("%s got multiple values for argument '%s'", name(m[1]), m[2])
	}
	if m := reUnexpected().FindStringSubmatch(msg); m != nil {
		return TypeError("%s got an unexpected keyword argument '%s'", name(m[1]), m[2])
	}
	if m := reMissing().FindStringSubmatch(msg); m != nil {
		var pos, kw []string
		for _, p := range strings.Split(m[2], ", ") {
			if sig.KwOnly[p] || sig.KwOnly == nil && isKeywordOnly(m[1], p) {
				kw = append(kw, p)
			} else {
				pos = append(pos, p)
			}
		}
		kind, names := "positional", pos
		if len(pos) == 0 {
			kind, names = "keyword-only", kw
		}
		return TypeError("%s missing %d required %s argument%s: %s", name(m[1]), len(names), kind, plural(len(names)), quoteList(names))
	}
	return nil
}

func wasWere(n string) string {
	if n == "1" {
		return "was"
	}
	return "were"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// quoteList is CPython's 'a', 'b' and 'c' (3.11 words it so).
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	case 2:
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}
