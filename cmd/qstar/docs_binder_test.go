package main

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// TestDocsMatchBinders: for every registered module, each documented
// builtin's signature parses, and the builtin's argument binder accepts
// exactly the documented keywords: it is called with every documented
// parameter by keyword and then an unknown one, __probe__, and must reject
// __probe__ (never a documented name). Binding fails before the body
// runs, so nothing is sent or slept. A signature that marks its
// parameters positional-only ("/") must be one whose binder takes no
// keywords.
func TestDocsMatchBinders(t *testing.T) {
	in := runtime.New(runtime.NewEnv())
	defer in.Close()
	in.Lock()
	defer in.Unlock()
	th := in.NewThread("probe")
	defer in.Done(th)
	probed := 0
	for _, m := range runtime.Modules() {
		mv, err := in.Module(m.Name)
		if err != nil {
			continue // needs hardware here
		}
		for name, v := range mv.Members {
			b, ok := v.(*starlark.Builtin)
			if !ok {
				continue
			}
			text, _, ok := runtime.MemberDoc(m.Name, name)
			if !ok {
				continue
			}
			sig, err := pyargs.ParseSig(text)
			if err != nil {
				t.Errorf("%s.%s: %v", m.Name, name, err)
				continue
			}
			if strings.Contains(text, "**") || lenient[m.Name+"."+name] {
				continue // takes any keyword: nothing to probe
			}
			probed++
			if len(sig.Params) == 0 { // refusing __probe__, by name or not, is right: only running is wrong
				if _, err := starlark.Call(th, b, nil, []starlark.Tuple{{starlark.String("__probe__"), starlark.None}}); err == nil {
					t.Errorf("%s.%s: documented %s, but it accepts any keyword", m.Name, name, text)
				}
			}
			var positional starlark.Tuple // positional-only parameters go first, as None
			for _, p := range sig.Params {
				if p.Positional && !p.Optional() {
					positional = append(positional, starlark.None)
				}
			}
			for _, p := range sig.Params {
				got := verdict(th, b, positional, p.Name)
				switch {
				case p.Positional && got == accepted:
					t.Errorf("%s.%s: documented %s (positional-only), but it binds %s= by keyword", m.Name, name, text, p.Name)
				case !p.Positional && got != accepted:
					t.Errorf("%s.%s: documented %s, but it does not bind %s= (%s)", m.Name, name, text, p.Name, got)
				}
			}
		}
	}
	if probed == 0 {
		t.Fatal("no documented builtin probed")
	}
	t.Logf("%d documented builtins probed", probed)
}

const accepted = "accepted"

// lenient are translator helpers that ignore keywords (the translated code
// never passes one): their documented positional parameters are all the
// probe could check, and it cannot.
var lenient = map[string]bool{
	"python.pyspread_list": true, "python.pyspread_tuple": true, "python.pyspread_set": true, "python.pyspread_dict": true,
	"python.pynamespace": true, "python.pymodule_namespace": true, "python.pyiter_end": true, "python.pyret": true,
}

// verdict calls b(*positional, name=None, __probe__=None) and reads the binder's error:
// accepted when it got past name (to complain of __probe__, or of name's
// None value), else why not.
func verdict(th *starlark.Thread, b *starlark.Builtin, positional starlark.Tuple, name string) string {
	kwargs := []starlark.Tuple{{starlark.String(name), starlark.None}}
	if name != "__probe__" {
		kwargs = append(kwargs, starlark.Tuple{starlark.String("__probe__"), starlark.None})
	}
	_, err := starlark.Call(th, b, positional, kwargs)
	if err == nil {
		return accepted // and ran: only a builtin ignoring its keywords does
	}
	msg := err.Error()
	quoted := func(s string) bool {
		return strings.Contains(msg, "'"+s+"'") || strings.Contains(msg, `"`+s+`"`) || strings.Contains(msg, " "+s+" ")
	}
	switch {
	case quoted("__probe__"):
		return accepted
	case strings.Contains(msg, "unexpected keyword argument") && quoted(name):
		return "unexpected keyword " + name
	case strings.Contains(msg, "keyword") || strings.Contains(msg, "positional"):
		return "no keywords: " + msg
	case quoted(name):
		return accepted // bound, then its None value refused
	}
	return "unclear: " + msg
}

// TestProbeSeesDrift: the probe tells a binder that takes a documented
// keyword from one that does not, and from one that takes none.
func TestProbeSeesDrift(t *testing.T) {
	in := runtime.New(runtime.NewEnv())
	defer in.Close()
	in.Lock()
	defer in.Unlock()
	th := in.NewThread("probe")
	defer in.Done(th)
	binder := starlark.NewBuiltin("f", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a, timeoutS starlark.Value
		return starlark.None, pyargs.NewSig("f(a, timeout_s=60)", "").Unpack(args, kwargs, &a, &timeoutS)
	})
	positional := starlark.NewBuiltin("g", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		return starlark.None, starlark.UnpackPositionalArgs("g", args, kwargs, 1, &a)
	})
	for _, c := range []struct {
		b    *starlark.Builtin
		name string
		ok   bool
	}{{binder, "a", true}, {binder, "timeout_s", true}, {binder, "timeout", false}, {positional, "a", false}} {
		if got := verdict(th, c.b, nil, c.name); (got == accepted) != c.ok {
			t.Errorf("%s(%s=): verdict %q", c.b.Name(), c.name, got)
		}
	}
}
