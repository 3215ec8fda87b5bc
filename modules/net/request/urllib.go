package request

import (
	"errors"
	"net"
	"net/http"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// urllib.request.urlopen and Request, and urllib.error, for CPython
// scripts that fetch with the standard library: the same client, with
// urllib's answers (an HTTPError for 4xx/5xx, a URLError when the
// connection fails). HTTPError and URLError are OSError here, carrying
// code, reason, headers and read() as urllib's do.
func init() {
	runtime.Register(runtime.Module{Name: "urllib.request", Doc: "urlopen and Request over the request client (CPython urllib.request)", New: newURLRequest})
	runtime.Register(runtime.Module{Name: "urllib.error", Doc: "HTTPError and URLError (as OSError) for urllib.request", New: func(*runtime.Env) (starlark.StringDict, error) {
		return urllibErrors(), nil
	}})
}

func urllibErrors() starlark.StringDict {
	d := starlark.StringDict{}
	for _, n := range []string{"HTTPError", "URLError", "ContentTooShortError"} {
		if c := netx.ExceptionClass("OSError"); c != nil {
			d[n] = c
		}
	}
	return d
}

func newURLRequest(env *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{
		"urlopen": starlark.NewBuiltin("urlopen", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return urlopen(thread, env, b, args, kwargs)
		}),
		"Request": starlark.NewBuiltin("Request", newURLReq),
	}
	for k, v := range urllibErrors() {
		d[k] = v
	}
	return d, nil
}

// urlReq is urllib.request.Request.
type urlReq struct {
	url     string
	data    starlark.Value
	headers *starlark.Dict
	method  string
}

func newURLReq(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "url", "data?", "headers?", "origin_req_host?", "unverifiable?", "method?")
	if err != nil {
		return nil, err
	}
	r := &urlReq{headers: starlark.NewDict(0), data: starlark.None}
	if r.url, err = a.Str("url", ""); err != nil {
		return nil, err
	}
	if a.Has("data") {
		r.data = a.Value("data")
	}
	if a.Has("headers") {
		h, ok := a.Value("headers").(*starlark.Dict)
		if !ok {
			return nil, exc.TypeError("headers must be a dict")
		}
		for _, kv := range h.Items() {
			_ = r.headers.SetKey(kv[0], kv[1])
		}
	}
	if r.method, err = a.Str("method", ""); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *urlReq) getMethod() string {
	switch {
	case r.method != "":
		return upper(r.method)
	case r.data != starlark.None:
		return "POST"
	}
	return "GET"
}

func (r *urlReq) String() string        { return "<urllib.request.Request object>" }
func (r *urlReq) Type() string          { return "Request" }
func (r *urlReq) Freeze()               {}
func (r *urlReq) Truth() starlark.Bool  { return true }
func (r *urlReq) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'Request'") }
func (r *urlReq) AttrNames() []string {
	return []string{"add_header", "data", "full_url", "get_full_url", "get_method", "headers", "method"}
}

func (r *urlReq) Attr(name string) (starlark.Value, error) {
	switch name {
	case "full_url":
		return starlark.String(r.url), nil
	case "data":
		return r.data, nil
	case "headers":
		return r.headers, nil
	case "method":
		if r.method == "" {
			return starlark.None, nil
		}
		return starlark.String(r.method), nil
	case "get_method", "get_full_url":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			if name == "get_method" {
				return starlark.String(r.getMethod()), nil
			}
			return starlark.String(r.url), nil
		}), nil
	case "add_header":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var k, v starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &k, &v); err != nil {
				return nil, err
			}
			return starlark.None, r.headers.SetKey(k, v)
		}), nil
	}
	return nil, nil
}

// urlopen(url, data=None, timeout=None, context=None).
func urlopen(thread *starlark.Thread, env *runtime.Env, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind(b.Name(), args, kwargs, "url", "data?", "timeout?", "context?", "cafile?", "capath?", "cadefault?")
	if err != nil {
		return nil, err
	}
	req, ok := a.Value("url").(*urlReq)
	if !ok {
		u, err := a.Str("url", "")
		if err != nil {
			return nil, err
		}
		req = &urlReq{url: u, headers: starlark.NewDict(0), data: starlark.None}
	}
	kw := []starlark.Tuple{{starlark.String("headers"), req.headers}, {starlark.String("decode"), starlark.False}}
	data := req.data
	if a.Has("data") {
		data = a.Value("data")
	}
	method := req.getMethod()
	if data != starlark.None {
		kw = append(kw, starlark.Tuple{starlark.String("data"), data})
		if req.method == "" {
			method = "POST"
		}
	}
	if a.Has("timeout") {
		kw = append(kw, starlark.Tuple{starlark.String("timeout"), a.Value("timeout")})
	}
	if ctx, ok := a.Value("context").(starlark.HasAttrs); ok {
		if v, _ := ctx.Attr("verify_mode"); v != nil && v.(starlark.Int) == starlark.MakeInt(netx.CertNone) {
			kw = append(kw, starlark.Tuple{starlark.String("verify"), starlark.False})
		}
	}
	c, err := parseCall(method, starlark.Tuple{starlark.String(req.url)}, kw, flavor{cpython: true})
	if err != nil {
		return nil, err
	}
	if data != starlark.None && !c.hasHeader("Content-Type") {
		c.setHeader("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, body, err := c.run(thread, env)
	if err != nil {
		return nil, urllibFailure(thread, c, err)
	}
	r := newResponse(c, resp, body)
	if resp.StatusCode >= 400 {
		return nil, httpError(thread, r)
	}
	return &urlResponse{r: r}, nil
}

func urllibFailure(thread *starlark.Thread, c *call, err error) error {
	if runtime.IsCancelled(err) {
		return err
	}
	if _, ok := exc.As(err); ok {
		return err
	}
	var dns *net.DNSError
	var de *dialError
	switch {
	case isTimeout(err):
		return netx.WithAttrs(thread, "TimeoutError", "timed out", starlark.Tuple{starlark.String("timed out")}, nil)
	case errors.As(err, &dns):
		return urlError(thread, "[Errno -2] Name or service not known")
	case errors.As(err, &de):
		return urlError(thread, netx.Message(netx.FromGo(thread, de.err, false)))
	}
	return urlError(thread, netx.Message(netx.FromGo(thread, err, false)))
}

func urlError(thread *starlark.Thread, reason string) error {
	msg := "<urlopen error " + reason + ">"
	return netx.WithAttrs(thread, "OSError", msg, starlark.Tuple{starlark.String(msg)},
		starlark.StringDict{"reason": starlark.String(reason)})
}

func httpError(thread *starlark.Thread, r *Response) error {
	msg := "HTTP Error " + itoa(r.status) + ": " + r.reason
	raw := &rawBody{data: r.data}
	read, _ := raw.Attr("read")
	return netx.WithAttrs(thread, "OSError", msg, starlark.Tuple{starlark.String(msg)}, starlark.StringDict{
		"code": starlark.MakeInt(r.status), "status": starlark.MakeInt(r.status), "reason": starlark.String(r.reason),
		"headers": r.headers, "read": read, "url": starlark.String(r.url), "msg": starlark.String(r.reason),
	})
}

func itoa(n int) string { return pyrepr.Str(starlark.MakeInt(n)) }

// urlResponse is urlopen's answer (http.client.HTTPResponse): read(),
// readline(), status, reason, getcode(), geturl(), headers, getheader().
type urlResponse struct {
	r   *Response
	raw *rawBody
}

func (u *urlResponse) String() string       { return "<http.client.HTTPResponse object>" }
func (u *urlResponse) Type() string         { return "HTTPResponse" }
func (u *urlResponse) Freeze()              {}
func (u *urlResponse) Truth() starlark.Bool { return true }
func (u *urlResponse) Hash() (uint32, error) {
	return 0, exc.TypeError("unhashable type: 'HTTPResponse'")
}
func (u *urlResponse) AttrNames() []string {
	return []string{"__enter__", "__exit__", "close", "code", "getcode", "getheader", "getheaders", "geturl", "headers", "read", "readline", "readlines", "reason", "status", "url"}
}

func (u *urlResponse) Attr(name string) (starlark.Value, error) {
	if u.raw == nil {
		u.raw = &rawBody{data: u.r.data}
	}
	fn := func(f func(args starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return f(args)
		})
	}
	switch name {
	case "status", "code":
		return starlark.MakeInt(u.r.status), nil
	case "reason":
		return starlark.String(u.r.reason), nil
	case "url":
		return starlark.String(u.r.url), nil
	case "headers":
		return u.r.headers, nil
	case "read", "readline":
		return u.raw.Attr(name)
	case "readlines":
		return fn(func(starlark.Tuple) (starlark.Value, error) {
			var lines []starlark.Value
			for _, l := range strings.SplitAfter(string(u.raw.data[u.raw.off:]), "\n") {
				if l != "" {
					lines = append(lines, starlark.Bytes(l))
				}
			}
			u.raw.off = len(u.raw.data)
			return starlark.NewList(lines), nil
		}), nil
	case "getcode":
		return fn(func(starlark.Tuple) (starlark.Value, error) { return starlark.MakeInt(u.r.status), nil }), nil
	case "geturl":
		return fn(func(starlark.Tuple) (starlark.Value, error) { return starlark.String(u.r.url), nil }), nil
	case "getheader":
		return fn(func(args starlark.Tuple) (starlark.Value, error) {
			if len(args) == 0 {
				return nil, exc.TypeError("getheader() missing required argument 'name'")
			}
			k, _ := starlark.AsString(args[0])
			if v, found, _ := u.r.headers.Get(starlark.String(http.CanonicalHeaderKey(k))); found {
				return v, nil
			}
			if len(args) > 1 {
				return args[1], nil
			}
			return starlark.None, nil
		}), nil
	case "getheaders":
		return fn(func(starlark.Tuple) (starlark.Value, error) {
			var out []starlark.Value
			for _, kv := range u.r.headers.Items() {
				out = append(out, starlark.Tuple{kv[0], kv[1]})
			}
			return starlark.NewList(out), nil
		}), nil
	case "close":
		return fn(func(starlark.Tuple) (starlark.Value, error) { return starlark.None, nil }), nil
	case "__enter__":
		return fn(func(starlark.Tuple) (starlark.Value, error) { return u, nil }), nil
	case "__exit__":
		return fn(func(starlark.Tuple) (starlark.Value, error) { return starlark.False, nil }), nil
	}
	return nil, nil
}
