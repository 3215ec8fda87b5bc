package request

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// requests is the same client under CPython's name and types, for
// scripts written against the requests library: r.text is a str,
// r.content bytes, r.json() raises ValueError on an empty or bad body,
// failures are requests.ConnectionError / requests.Timeout (OSErrors, as
// requests' own are), and Session() keeps default headers.
func init() {
	runtime.Register(runtime.Module{Name: "requests", Doc: "request with CPython requests' types: text is str, content bytes, Session", New: newRequests})
	runtime.Register(runtime.Module{Name: "urequests", Doc: "requests under MicroPython's name", New: newRequests})
}

var methodNames = []string{"get", "post", "put", "delete", "head", "patch"}

func newRequests(env *runtime.Env) (starlark.StringDict, error) {
	d := methodsFor(env, flavor{cpython: true})
	d["Session"] = starlark.NewBuiltin("Session", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return newSession(env), starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
	})
	excs := starlark.StringDict{}
	for name, class := range map[string]string{
		"RequestException": "OSError", "ConnectionError": "ConnectionError", "Timeout": "TimeoutError",
		"ReadTimeout": "TimeoutError", "ConnectTimeout": "TimeoutError", "HTTPError": "OSError",
		"MissingSchema": "ValueError", "InvalidSchema": "ValueError", "InvalidURL": "ValueError",
	} {
		if c := netx.ExceptionClass(class); c != nil {
			excs[name] = c
			d[name] = c
		}
	}
	d["exceptions"] = &namespace{name: "requests.exceptions", members: excs}
	return d, nil
}

// methodsFor builds request() and the per-method functions.
func methodsFor(env *runtime.Env, fl flavor) starlark.StringDict {
	d := starlark.StringDict{
		"request": starlark.NewBuiltin("request", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := knownKeywords("request", kwargs, "method"); err != nil {
				return nil, err
			}
			if len(args) == 0 { // request(method='GET', url=...)
				for i, kv := range kwargs {
					if kv[0] == starlark.String("method") {
						args, kwargs = starlark.Tuple{kv[1]}, append(kwargs[:i:i], kwargs[i+1:]...)
						break
					}
				}
			}
			if len(args) == 0 {
				return nil, errMissing("request", "method")
			}
			m, ok := starlark.AsString(args[0])
			if !ok {
				return nil, errType("request", "method", args[0])
			}
			f := fl
			f.positional = positionalRequest
			return do(thread, env, f, upper(m), args[1:], kwargs)
		}),
	}
	for _, m := range methodNames {
		method := upper(m)
		f := fl
		f.positional = positionalMethod
		if fl.cpython {
			f.positional = positionalCPython[method]
		}
		d[m] = starlark.NewBuiltin(m, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return do(thread, env, f, method, args, kwargs)
		})
	}
	return d
}

// session is requests.Session(): headers sent with every request.
type session struct {
	env     *runtime.Env
	headers *starlark.Dict
}

func newSession(env *runtime.Env) *session {
	return &session{env: env, headers: pyargs.Dict("User-Agent", "qstar")}
}

func (s *session) String() string        { return "<requests.Session object>" }
func (s *session) Type() string          { return "Session" }
func (s *session) Freeze()               {}
func (s *session) Truth() starlark.Bool  { return true }
func (s *session) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'Session'") }
func (s *session) AttrNames() []string {
	return append([]string{"__enter__", "__exit__", "close", "headers", "request"}, methodNames...)
}

func (s *session) Attr(name string) (starlark.Value, error) {
	switch name {
	case "headers":
		return s.headers, nil
	case "close", "__exit__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			if name == "__exit__" {
				return starlark.False, nil
			}
			return starlark.None, nil
		}), nil
	case "__enter__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return s, nil
		}), nil
	}
	return methodsFor(s.env, flavor{cpython: true, headers: s.headers})[name], nil
}

// namespace is a read-only bag of names (requests.exceptions).
type namespace struct {
	name    string
	members starlark.StringDict
}

func (n *namespace) String() string                           { return "<module '" + n.name + "'>" }
func (n *namespace) Type() string                             { return "module" }
func (n *namespace) Freeze()                                  {}
func (n *namespace) Truth() starlark.Bool                     { return true }
func (n *namespace) Hash() (uint32, error)                    { return starlark.String(n.name).Hash() }
func (n *namespace) Attr(name string) (starlark.Value, error) { return n.members[name], nil }
func (n *namespace) AttrNames() []string                      { return n.members.Keys() }
