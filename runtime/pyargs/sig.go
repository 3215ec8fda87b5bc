package pyargs

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Sig is a builtin's Python signature and doc line: the one source its
// argument binding, help(), __doc__ and `qstar stubs` read, so the names
// a script may pass and the names it is shown cannot drift apart.
//
//	var publishSig = pyargs.NewSig("publish(topic, msg, retain=False, qos=0)", "Publish msg on topic.")
//	...
//	err := publishSig.Unpack(args, kwargs, &topic, &msg, &retain, &qos)
//
// Parameters with a default are optional (a value not given stays nil, or
// keeps the Go variable's value with UnpackArgs). Parameters before a "/"
// are positional-only, as CPython writes `sleep(seconds, /)`; a signature
// of only positional-only parameters binds no keywords at all.
type Sig struct {
	Name   string
	Params []Param
	Doc    string
	text   string
}

// Param is one named parameter.
type Param struct {
	Name       string
	Default    string // Python source of the default; "" when required
	Positional bool   // before "/": never bound by keyword
}

// Optional reports whether the parameter has a default.
func (p Param) Optional() bool { return p.Default != "" }

// NewSig parses signature ("name(a, b=1)"). A malformed signature is a
// programming error and panics, at init time.
func NewSig(signature, doc string) *Sig {
	s, err := ParseSig(signature)
	if err != nil {
		panic(err)
	}
	s.Doc = doc
	return s
}

// ParseSig parses a Python signature line: name(a, b=1, /, c=None). Star
// parameters (*args, **kw) are kept in the text but bind nothing here.
func ParseSig(signature string) (*Sig, error) {
	open := strings.IndexByte(signature, '(')
	if open <= 0 || !strings.HasSuffix(signature, ")") {
		return nil, fmt.Errorf("pyargs: signature %q is not name(params)", signature)
	}
	s := &Sig{Name: signature[:open], text: signature}
	for _, p := range splitParams(signature[open+1 : len(signature)-1]) {
		switch {
		case p == "/":
			for i := range s.Params {
				s.Params[i].Positional = true
			}
		case p == "*" || strings.HasPrefix(p, "*"):
			// keyword-only marker or star parameters: documented only
		default:
			name, def, _ := strings.Cut(p, "=")
			name, def = strings.TrimSpace(name), strings.TrimSpace(def)
			if name == "" || strings.ContainsAny(name, " ()[]{}'\"") {
				return nil, fmt.Errorf("pyargs: signature %q: bad parameter %q", signature, p)
			}
			s.Params = append(s.Params, Param{Name: name, Default: def})
		}
	}
	return s, nil
}

// splitParams splits a parameter list at top-level commas (a default may
// be a tuple or a dict).
func splitParams(list string) []string {
	var out []string
	depth, start := 0, 0
	quote := byte(0)
	for i := 0; i < len(list); i++ {
		c := list[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(list[start:i]))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(list[start:]); last != "" {
		out = append(out, last)
	}
	return out
}

// String is the signature line.
func (s *Sig) String() string { return s.text }

// Entry is the signature and doc in the form runtime.RegisterDocs takes.
func (s *Sig) Entry() string { return s.text + "\n" + s.Doc }

// Names are the binder's names: "?" marks an optional parameter.
func (s *Sig) Names() []string {
	names := make([]string, len(s.Params))
	for i, p := range s.Params {
		names[i] = p.Name
		if p.Optional() {
			names[i] += "?"
		}
	}
	return names
}

// positionalOnly reports whether no parameter binds by keyword.
func (s *Sig) positionalOnly() bool {
	for _, p := range s.Params {
		if !p.Positional {
			return false
		}
	}
	return true
}

func (s *Sig) check(n int) {
	if n != len(s.Params) {
		panic(fmt.Sprintf("pyargs: %s has %d parameters, %d destinations", s.text, len(s.Params), n))
	}
}

// Unpack binds args and kwargs to the parameters as Python does (pyargs'
// phrasing of errors), one *starlark.Value per parameter; an optional one
// not given stays nil.
func (s *Sig) Unpack(args starlark.Tuple, kwargs []starlark.Tuple, out ...*starlark.Value) error {
	s.check(len(out))
	if err := s.noKeywordsFor(kwargs); err != nil {
		return err
	}
	return Unpack(s.Name, args, kwargs, s.Names(), out...)
}

// Bind is Unpack into an Args, read by name.
func (s *Sig) Bind(args starlark.Tuple, kwargs []starlark.Tuple) (*Args, error) {
	if err := s.noKeywordsFor(kwargs); err != nil {
		return nil, err
	}
	return Bind(s.Name, args, kwargs, s.Names()...)
}

// UnpackArgs is starlark.UnpackArgs (or UnpackPositionalArgs for a
// positional-only signature) with the parameter names taken from the
// signature: one typed pointer per parameter, in order.
func (s *Sig) UnpackArgs(args starlark.Tuple, kwargs []starlark.Tuple, out ...any) error {
	s.check(len(out))
	if s.positionalOnly() {
		required := 0
		for _, p := range s.Params {
			if !p.Optional() {
				required++
			}
		}
		return starlark.UnpackPositionalArgs(s.Name, args, kwargs, required, out...)
	}
	if err := s.noKeywordsFor(kwargs); err != nil {
		return err
	}
	pairs := make([]any, 0, 2*len(out))
	for i, n := range s.Names() {
		pairs = append(pairs, n, out[i])
	}
	return starlark.UnpackArgs(s.Name, args, kwargs, pairs...)
}

// noKeywordsFor rejects a keyword naming a positional-only parameter.
func (s *Sig) noKeywordsFor(kwargs []starlark.Tuple) error {
	for _, kv := range kwargs {
		k, _ := starlark.AsString(kv[0])
		for _, p := range s.Params {
			if p.Positional && p.Name == k {
				return exc.TypeError("%s() got some positional-only arguments passed as keyword arguments: '%s'", s.Name, k)
			}
		}
	}
	return nil
}
