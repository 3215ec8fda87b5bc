// Package request is QuecPython's HTTP client module, on net/http, with
// every connection dialled through Env.Dial (so --emulate and tests route
// it) and HTTPS verified against Env.RootCAs or the system roots.
//
// get/post/put/delete/head/patch(url, **kw) and request(method, url,
// data=None, json=None, files=None, stream=None, decode=True, sizeof=255,
// timeout=None, headers=None, ssl_params=None) take QuecPython's keywords
// (plus params, allow_redirects and verify from CPython's requests) and
// raise what its request.py raises: ValueError for a URL it cannot use,
// IndexError when the name does not resolve, RuntimeError when the
// connection cannot be made, OSError 110 on a timeout.
//
// Where qstar does better than the firmware: HTTP/1.1 with chunked
// bodies, redirects followed (the firmware raises NotImplementedError),
// several requests in flight at once, TLS failures reported (the firmware
// swallows them), header values without the firmware's leading space
// (keys as Go canonicalises them: Content-Type). The body is read whole
// before the call returns; text and content are described in body.go.
package request

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func init() {
	runtime.Register(runtime.Module{Name: "request", Doc: "HTTP/HTTPS client: get, post, put, delete... (QuecPython request)", New: newModule})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return methodsFor(env, flavor{}), nil
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
