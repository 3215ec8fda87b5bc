package request

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

var params = []string{"url", "data?", "json?", "files?", "stream?", "decode?", "sizeof?", "timeout?", "headers?", "ssl_params?",
	// CPython requests' keywords scripts also pass
	"params?", "allow_redirects?", "verify?", "auth?", "cookies?"}

// Positional parameters after the URL. request(method, url, ...) takes
// request.py's order; get/post/... take the order QuecPython's stubs and
// docs give them; requests' functions take that library's.
var (
	positionalRequest = []string{"data", "json", "files", "stream", "decode", "sizeof", "timeout", "headers", "ssl_params"}
	positionalMethod  = []string{"data", "headers", "decode", "sizeof", "ssl_params"}
	positionalCPython = map[string][]string{"GET": {"params"}, "POST": {"data", "json"}, "PUT": {"data"}, "PATCH": {"data"}}
)

// knownKeywords refuses a keyword that is neither one of params nor of
// extra, before any argument is read: Python binds, then converts.
func knownKeywords(fn string, kwargs []starlark.Tuple, extra ...string) error {
	for _, kv := range kwargs {
		k, _ := starlark.AsString(kv[0])
		if !slices.Contains(extra, k) && !slices.Contains(params, k) && !slices.Contains(params, k+"?") {
			return exc.TypeError("%s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	return nil
}

// byName turns the arguments after the URL into keywords, following
// order.
func byName(fn string, args starlark.Tuple, kwargs []starlark.Tuple, order []string) (starlark.Tuple, []starlark.Tuple, error) {
	if len(args) <= 1 {
		return args, kwargs, nil
	}
	if len(args)-1 > len(order) {
		return nil, nil, exc.TypeError("%s() takes at most %d positional arguments (%d given)", fn, len(order)+1, len(args))
	}
	kw := make([]starlark.Tuple, 0, len(kwargs)+len(args)-1)
	for i, v := range args[1:] {
		kw = append(kw, starlark.Tuple{starlark.String(order[i]), v})
	}
	return args[:1], append(kw, kwargs...), nil
}

// call is one request's settings, read from the script's arguments.
type call struct {
	method, rawURL string
	url            *url.URL
	header         map[string]string
	headerOrder    []string
	body           []byte
	hasBody        bool
	decode         bool
	sizeof         int
	timeout        time.Duration // 0: none
	tls            *netx.TLSOptions
	redirects      bool
	user, password string
	hasAuth        bool
	cpython        bool // the requests module: text is str, content bytes
	file           *upload
}

// flavor is what differs between the request module and requests: the
// Response's types and exceptions, and a Session's default headers.
type flavor struct {
	cpython    bool
	headers    *starlark.Dict // Session.headers, under the call's own
	positional []string       // names of the arguments after the URL
}

func errMissing(fn, name string) error {
	return exc.TypeError("%s() missing required argument '%s'", fn, name)
}

func errType(fn, name string, v starlark.Value) error {
	return exc.TypeError("%s() argument '%s' must be str, not %s", fn, name, pyargs.TypeName(v))
}

func parseCall(method string, args starlark.Tuple, kwargs []starlark.Tuple, fl flavor) (*call, error) {
	fn := strings.ToLower(method)
	args, kwargs, err := byName(fn, args, kwargs, fl.positional)
	if err != nil {
		return nil, err
	}
	a, err := pyargs.Bind(fn, args, kwargs, params...)
	if err != nil {
		return nil, err
	}
	c := &call{method: method, header: map[string]string{}, decode: true, sizeof: 255, redirects: true, tls: &netx.TLSOptions{CertReqs: -1}, cpython: fl.cpython}
	if fl.headers != nil {
		if err := c.addHeaders(fl.headers); err != nil {
			return nil, err
		}
	}
	if c.rawURL, err = a.Str("url", ""); err != nil {
		return nil, err
	}
	if c.url, err = normalize(c.rawURL); err != nil {
		return nil, err
	}
	steps := []func(*pyargs.Args) error{c.readQuery, c.readHeaders, c.readBody, c.readOptions, c.readTLS}
	for _, step := range steps {
		if err := step(a); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// normalize reads a URL as QuecPython's request.py does: no scheme means
// http://, a bare IP needs a port, only http and https.
func normalize(raw string) (*url.URL, error) {
	s := raw
	first, _, _ := strings.Cut(raw, ".")
	switch {
	case first != "" && isDigits(first) && !strings.Contains(raw, ":"):
		return nil, exc.ValueError("MissingSchema: Invalid URL '%s': No schema supplied. Perhaps you meant http://%s? ", raw, raw)
	case !strings.Contains(raw, "://"):
		s = "http://" + raw
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" && (u.Scheme == "http" || u.Scheme == "https") {
		return nil, exc.ValueError("URL address error: %s", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, exc.ValueError("Unsupported protocol: %s:", u.Scheme)
	}
	return u, nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// readQuery adds params={...} to the URL's query.
func (c *call) readQuery(a *pyargs.Args) error {
	if !a.Has("params") {
		return nil
	}
	d, ok := a.Value("params").(*starlark.Dict)
	if !ok {
		return exc.TypeError("params must be a dict, not %s", pyargs.TypeName(a.Value("params")))
	}
	q := c.url.Query()
	for _, kv := range d.Items() {
		q.Add(pyrepr.Str(kv[0]), pyrepr.Str(kv[1]))
	}
	c.url.RawQuery = q.Encode()
	return nil
}

func (c *call) setHeader(k, v string) {
	for _, old := range c.headerOrder {
		if strings.EqualFold(old, k) {
			c.header[old] = v
			return
		}
	}
	c.header[k] = v
	c.headerOrder = append(c.headerOrder, k)
}

func (c *call) hasHeader(k string) bool {
	for _, old := range c.headerOrder {
		if strings.EqualFold(old, k) {
			return true
		}
	}
	return false
}

func (c *call) readHeaders(a *pyargs.Args) error {
	if !a.Has("headers") {
		return nil
	}
	d, ok := a.Value("headers").(*starlark.Dict)
	if !ok {
		return exc.TypeError("headers must be a dict, not %s", pyargs.TypeName(a.Value("headers")))
	}
	return c.addHeaders(d)
}

func (c *call) addHeaders(d *starlark.Dict) error {
	for _, kv := range d.Items() {
		k, ok := pyargs.AsText(kv[0])
		if !ok {
			return exc.TypeError("header names must be str, not %s", pyargs.TypeName(kv[0]))
		}
		v, ok := pyargs.AsText(kv[1])
		if !ok {
			v = pyrepr.Str(kv[1])
		}
		c.setHeader(k, v)
	}
	return nil
}

// readBody takes data (str, bytes, bytearray, or a dict sent as a form),
// json (sent as application/json) or files (QuecPython's multipart form).
func (c *call) readBody(a *pyargs.Args) error {
	switch {
	case a.Has("json"):
		if a.Has("data") {
			return exc.New("AssertionError", "request: give data or json, not both")
		}
		s, err := ujson.Encode(a.Value("json"))
		if err != nil {
			return err
		}
		c.body, c.hasBody = []byte(s), true
		if !c.hasHeader("Content-Type") {
			c.setHeader("Content-Type", "application/json")
		}
	case a.Has("data"):
		if d, ok := a.Value("data").(*starlark.Dict); ok {
			form := url.Values{}
			for _, kv := range d.Items() {
				form.Add(pyrepr.Str(kv[0]), pyrepr.Str(kv[1]))
			}
			c.body, c.hasBody = []byte(form.Encode()), true
			if !c.hasHeader("Content-Type") {
				c.setHeader("Content-Type", "application/x-www-form-urlencoded")
			}
			break
		}
		b, err := netx.Buffer(strings.ToLower(c.method), a.Value("data"))
		if err != nil {
			return err
		}
		c.body, c.hasBody = b, true
	}
	if a.Has("files") {
		return c.readFiles(a.Value("files"))
	}
	return nil
}

// readFiles takes QuecPython's {"filepath": ..., "filename": ...,
// "name": ...}; the multipart body is built when the request is made.
func (c *call) readFiles(v starlark.Value) error {
	d, ok := v.(*starlark.Dict)
	if !ok {
		return exc.TypeError("files must be a dict, not %s", pyargs.TypeName(v))
	}
	get := func(k string) string {
		x, found, _ := d.Get(starlark.String(k))
		if !found || x == starlark.None {
			return ""
		}
		return pyrepr.Str(x)
	}
	c.file = &upload{path: get("filepath"), filename: get("filename"), name: get("name")}
	if c.file.path == "" || c.file.filename == "" {
		return exc.ValueError("Missing key parameters 'filepath' and 'filename'")
	}
	if c.file.name == "" {
		c.file.name = "file"
	}
	return nil
}

// upload is a file sent as multipart/form-data.
type upload struct{ path, filename, name string }

// multipart reads the file (a script path, through netx.HostPath) and
// makes the body.
func (c *call) multipart(env *runtime.Env) error {
	p, err := netx.HostPath(env, c.file.path)
	var content []byte
	if err == nil {
		content, err = os.ReadFile(p)
	}
	if err != nil {
		return exc.OSError("[Errno 2] No such file or directory: '%s'", c.file.path)
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, err := w.CreateFormFile(c.file.name, c.file.filename)
	if err != nil {
		return exc.ValueError("files: %v", err)
	}
	part.Write(content)
	w.Close()
	c.body, c.hasBody = buf.Bytes(), true
	c.setHeader("Content-Type", w.FormDataContentType())
	return nil
}

func (c *call) readOptions(a *pyargs.Args) error {
	if a.Given("decode") {
		c.decode = bool(a.Value("decode").Truth())
	}
	if a.Given("allow_redirects") {
		c.redirects = bool(a.Value("allow_redirects").Truth())
	}
	n, err := a.Int("sizeof", 255)
	if err != nil {
		return err
	}
	c.sizeof = max(n, 1)
	if a.Has("timeout") {
		secs, err := pyargs.Number("request", "timeout", a.Value("timeout"))
		if err != nil {
			return err
		}
		if secs > 0 {
			c.timeout = time.Duration(secs * float64(time.Second))
		}
	}
	if a.Has("auth") {
		t, ok := a.Value("auth").(starlark.Tuple)
		if !ok || len(t) != 2 {
			return exc.TypeError("auth must be a (user, password) tuple")
		}
		c.user, c.password, c.hasAuth = pyrepr.Str(t[0]), pyrepr.Str(t[1]), true
	}
	return nil
}

// readTLS takes ssl_params (ussl.wrap_socket's keywords) and verify=False.
func (c *call) readTLS(a *pyargs.Args) error {
	if a.Has("ssl_params") {
		d, ok := a.Value("ssl_params").(*starlark.Dict)
		if !ok {
			return exc.TypeError("ssl_params must be a dict, not %s", pyargs.TypeName(a.Value("ssl_params")))
		}
		o, err := netx.ParseTLS("ssl_params", d.Items())
		if err != nil {
			return err
		}
		c.tls = o
	}
	if a.Given("verify") {
		switch v := a.Value("verify").(type) {
		case starlark.Bool:
			if !v {
				c.tls.CertReqs = netx.CertNone
			}
		case starlark.String:
			o, err := netx.ParseTLS("verify", []starlark.Tuple{{starlark.String("ca"), v}})
			if err != nil {
				return err
			}
			c.tls.CA = o.CA
		default:
			return exc.TypeError("verify must be a bool or a CA bundle path, not %s", pyargs.TypeName(v))
		}
	}
	return nil
}

func (c *call) String() string { return fmt.Sprintf("%s %s", c.method, c.url) }
