package request

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/net/internal/netx"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// dialError and tlsError mark where a request failed, so the script sees
// the firmware's exception for each stage.
type dialError struct{ err error }
type tlsError struct{ err error }

func (e *dialError) Error() string { return e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }
func (e *tlsError) Error() string  { return e.err.Error() }
func (e *tlsError) Unwrap() error  { return e.err }

// transport dials every connection through Env.Dial; HTTPS is verified
// with SNI = the URL's host (or ssl_params' server_hostname).
func transport(env *runtime.Env, c *call) *http.Transport {
	dial := env.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	plain := func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, &dialError{err}
		}
		return conn, nil
	}
	return &http.Transport{
		DialContext: plain,
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := plain(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			cfg, err := c.tls.Config(env, "request", host)
			if err != nil {
				conn.Close()
				return nil, err
			}
			tc := tls.Client(conn, cfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				conn.Close()
				return nil, &tlsError{err}
			}
			return tc, nil
		},
		Proxy:              nil,
		DisableCompression: true, // the body is what the server sent
		DisableKeepAlives:  true, // one connection per request, as on the module
	}
}

// do makes one request and reads the whole answer, with the interpreter
// lock released; Ctrl-C aborts it.
func do(thread *starlark.Thread, env *runtime.Env, fl flavor, method string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c, err := parseCall(method, args, kwargs, fl)
	if err != nil {
		return nil, err
	}
	resp, data, err := c.run(thread, env)
	if err != nil {
		return nil, c.failure(thread, err)
	}
	return newResponse(c, resp, data), nil
}

// run sends c and reads the whole answer; errors are Go's.
func (c *call) run(thread *starlark.Thread, env *runtime.Env) (*http.Response, []byte, error) {
	if c.file != nil {
		if err := c.multipart(env); err != nil {
			return nil, nil, err
		}
	}
	client := &http.Client{Transport: transport(env, c), Timeout: c.timeout}
	if !c.redirects {
		client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	var resp *http.Response
	var data []byte
	err := runtime.Block(thread, func(ctx context.Context) error {
		req, err := c.newRequest(ctx)
		if err != nil {
			return err
		}
		resp, err = client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		data, err = io.ReadAll(resp.Body)
		return err
	})
	return resp, data, err
}

func (c *call) newRequest(ctx context.Context) (*http.Request, error) {
	var body io.Reader
	if c.hasBody {
		body = bytes.NewReader(c.body)
	}
	req, err := http.NewRequestWithContext(ctx, c.method, c.url.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "qstar")
	for _, k := range c.headerOrder {
		if strings.EqualFold(k, "Host") {
			req.Host = c.header[k]
			continue
		}
		req.Header.Set(k, c.header[k])
	}
	if c.hasAuth {
		req.SetBasicAuth(c.user, c.password)
	}
	return req, nil
}

// failure turns what went wrong into the firmware's exception.
func (c *call) failure(thread *starlark.Thread, err error) error {
	if runtime.IsCancelled(err) {
		return err
	}
	if _, ok := exc.As(err); ok {
		return err
	}
	var de *dialError
	var te *tlsError
	var dns *net.DNSError
	var ue *url.Error
	if c.cpython {
		if e := c.requestsFailure(thread, err); e != nil {
			return e
		}
	}
	switch {
	case errors.As(err, &dns):
		return exc.New("IndexError", "Domain name resolution error, please check network connection")
	case errors.As(err, &de):
		if isTimeout(de.err) {
			return netx.Errno(thread, netx.ETIMEDOUT)
		}
		return exc.RuntimeError("HTTPConnectionPool(host='%s', port=%s): Max retries exceeded with url: %s (Caused by NewConnectionError: Failed to establish a new connection: %s)",
			c.url.Hostname(), port(c.url), c.url.RequestURI(), netx.Message(netx.FromGo(thread, de.err, false)))
	case errors.As(err, &te):
		return netx.FromGo(thread, te.err, false)
	case errors.As(err, &ue) && ue.Timeout(), isTimeout(err):
		return netx.Errno(thread, netx.ETIMEDOUT)
	case strings.Contains(err.Error(), "malformed HTTP"), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return exc.ValueError("InvalidSchema: No connection adapters were found for '%s'", c.rawURL)
	}
	return netx.FromGo(thread, err, false)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}

// requestsFailure is failure in CPython's requests terms: a
// ConnectionError or a Timeout (both OSErrors); nil leaves the rest to
// the firmware's mapping.
func (c *call) requestsFailure(thread *starlark.Thread, err error) error {
	var de *dialError
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return exc.New("ConnectionError", "HTTPConnectionPool(host='%s', port=%s): Max retries exceeded with url: %s (Caused by NameResolutionError: Failed to resolve '%s')",
			c.url.Hostname(), port(c.url), c.url.RequestURI(), c.url.Hostname())
	case isTimeout(err):
		return exc.New("TimeoutError", "HTTPConnectionPool(host='%s', port=%s): Read timed out.", c.url.Hostname(), port(c.url))
	case errors.As(err, &de):
		return exc.New("ConnectionError", "HTTPConnectionPool(host='%s', port=%s): Max retries exceeded with url: %s (Caused by NewConnectionError: Failed to establish a new connection: %s)",
			c.url.Hostname(), port(c.url), c.url.RequestURI(), netx.Message(netx.FromGo(thread, de.err, false)))
	}
	return nil
}
