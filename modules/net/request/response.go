package request

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/ujson"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// Response is what request.get() and friends return: status_code,
// reason, headers (a dict), text, content, json(), close(), and CPython's
// url, ok, encoding, iter_content(), raise_for_status().
type Response struct {
	status  int
	reason  string
	headers *starlark.Dict
	url     string
	data    []byte
	decode  bool
	sizeof  int
	cpython bool // requests: text is str, content bytes
}

func newResponse(c *call, resp *http.Response, data []byte) *Response {
	r := &Response{status: resp.StatusCode, data: data, decode: c.decode, sizeof: c.sizeof, url: resp.Request.URL.String(), cpython: c.cpython}
	r.reason = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	keys := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	r.headers = starlark.NewDict(len(keys))
	for _, k := range keys {
		_ = r.headers.SetKey(starlark.String(k), starlark.String(strings.Join(resp.Header[k], ", ")))
	}
	return r
}

func (r *Response) String() string        { return "<Response [" + strconv.Itoa(r.status) + "]>" }
func (r *Response) Type() string          { return "Response" }
func (r *Response) Freeze()               {}
func (r *Response) Truth() starlark.Bool  { return true }
func (r *Response) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'Response'") }

var responseAttrs = []string{"__enter__", "__exit__", "close", "content", "encoding", "headers", "iter_content", "json", "ok", "raise_for_status", "raw", "reason", "status_code", "text", "url"}

func (r *Response) AttrNames() []string { return responseAttrs }

func (r *Response) Attr(name string) (starlark.Value, error) {
	switch name {
	case "status_code":
		return starlark.MakeInt(r.status), nil
	case "reason":
		return starlark.String(r.reason), nil
	case "headers":
		return r.headers, nil
	case "url":
		return starlark.String(r.url), nil
	case "encoding":
		return starlark.String("utf-8"), nil
	case "ok":
		return starlark.Bool(r.status < 400), nil
	case "text":
		if r.cpython {
			return starlark.String(strings.ToValidUTF8(string(r.data), "\uFFFD")), nil
		}
		return &body{data: r.data, text: true, size: r.sizeof}, nil
	case "content":
		if r.cpython {
			return starlark.Bytes(r.data), nil
		}
		return &body{data: r.data, text: r.decode, size: r.sizeof}, nil
	case "raw":
		return &rawBody{data: r.data}, nil
	case "json":
		return starlark.NewBuiltin("json", r.json), nil
	case "close", "__exit__": // the body is already read: nothing to release
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			if name == "__exit__" {
				return starlark.False, nil
			}
			return starlark.None, nil
		}), nil
	case "__enter__":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return r, nil
		}), nil
	case "iter_content":
		return starlark.NewBuiltin("iter_content", r.iterContent), nil
	case "raise_for_status":
		return starlark.NewBuiltin("raise_for_status", r.raiseForStatus), nil
	}
	return nil, nil
}

// json() parses the body; an empty body is None, as on the module.
func (r *Response) json(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(r.data)) == "" && !r.cpython {
		return starlark.None, nil
	}
	v, err := ujson.Decode(string(r.data))
	if err != nil && r.cpython {
		return nil, err // json's own ValueError, as requests raises
	}
	if err != nil {
		return nil, exc.ValueError("The data for the response cannot be converted to JSON-type data,please try use response.content method")
	}
	return v, nil
}

// iter_content(chunk_size=1) is CPython's: the body in bytes blocks.
func (r *Response) iterContent(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	size := 1
	var v starlark.Value = starlark.MakeInt(1)
	var decode starlark.Value = starlark.False
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "chunk_size?", &v, "decode_unicode?", &decode); err != nil {
		return nil, err
	}
	if n, err := starlark.AsInt32(v); err == nil && n > 0 {
		size = n
	} else if v == starlark.None {
		size = len(r.data) + 1
	}
	return &body{data: r.data, text: bool(decode.Truth()), size: size}, nil
}

func (r *Response) raiseForStatus(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if r.status >= 400 {
		kind := "Client"
		if r.status >= 500 {
			kind = "Server"
		}
		return nil, exc.OSError("%d %s Error: %s for url: %s", r.status, kind, r.reason, r.url)
	}
	return starlark.None, nil
}

// rawBody is Response.raw: the body as a stream, read(n) at a time.
type rawBody struct {
	data []byte
	off  int
}

func (b *rawBody) String() string        { return "<raw body>" }
func (b *rawBody) Type() string          { return "raw" }
func (b *rawBody) Freeze()               {}
func (b *rawBody) Truth() starlark.Bool  { return true }
func (b *rawBody) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'raw'") }
func (b *rawBody) AttrNames() []string   { return []string{"close", "read", "readline"} }

func (b *rawBody) Attr(name string) (starlark.Value, error) {
	switch name {
	case "read":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, fb *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			n := -1
			if err := starlark.UnpackPositionalArgs(fb.Name(), args, kwargs, 0, &n); err != nil {
				return nil, err
			}
			rest := b.data[b.off:]
			if n >= 0 && n < len(rest) {
				rest = rest[:n]
			}
			b.off += len(rest)
			return starlark.Bytes(rest), nil
		}), nil
	case "readline":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			rest := b.data[b.off:]
			if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
				rest = rest[:i+1]
			}
			b.off += len(rest)
			return starlark.Bytes(rest), nil
		}), nil
	case "close":
		return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}
