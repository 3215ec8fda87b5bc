package request

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// The firmware's exceptions: ValueError for URLs it cannot use,
// IndexError when the name does not resolve, RuntimeError when the
// connection fails, OSError 110 on a timeout.
func TestErrors(t *testing.T) {
	base, _ := serve(t)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	noDNS := func(env *runtime.Env) {
		next := env.Dial
		env.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "nosuch.test:") {
				return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: "nosuch.test", IsNotFound: true}}
			}
			return next(ctx, network, addr)
		}
	}
	out, _ := run(t, base, strings.ReplaceAll(`
		import request
		def attempt(url, **kw):
			try:
				request.get(url, **kw)
				print('no error')
			except ValueError as e:
				print('ValueError', e)
			except IndexError as e:
				print('IndexError', e)
			except RuntimeError as e:
				print('RuntimeError', 'Failed to establish a new connection' in str(e), '[Errno 111]' in str(e))
			except OSError as e:
				print('OSError', e.args[0])
		attempt('192.168.1.1')
		attempt('ftp://example.com/x')
		attempt('http://nosuch.test/x')
		attempt('http://CLOSED/')
		attempt('BASE/slow', timeout=0.2)
		attempt('BASE/new')
	`, "CLOSED", closed), noDNS)
	want(t, out, `
		ValueError MissingSchema: Invalid URL '192.168.1.1': No schema supplied. Perhaps you meant http://192.168.1.1? 
		ValueError Unsupported protocol: ftp:
		IndexError Domain name resolution error, please check network connection
		RuntimeError True True
		OSError 110
		no error
	`)
}

// A URL without a scheme is http; an IP with a port needs none either.
func TestURLForms(t *testing.T) {
	base, _ := serve(t)
	hostport := strings.TrimPrefix(base, "http://")
	ipport := strings.Replace(hostport, "localhost", "127.0.0.1", 1)
	out, dials := run(t, base, strings.NewReplacer("HOSTPORT", hostport, "IPPORT", ipport).Replace(`
		import request
		print(request.get('HOSTPORT/new').text)
		print(request.get('IPPORT/new').text)
	`), nil)
	want(t, out, `
		moved here
		moved here
	`)
	if len(dials) != 2 || dials[1] != "tcp "+ipport {
		t.Errorf("dials = %q", dials)
	}
}

// Ctrl-C aborts a request that waits for its answer, and the lock is free
// meanwhile.
func TestCancelWakesRequest(t *testing.T) {
	base, _ := serve(t)
	in, out, _ := nettest.Interp(t, nil)
	src := nettest.Dedent(strings.ReplaceAll(`
		import request
		print('asking')
		request.get('BASE/slow')
		print('not reached')
	`, "BASE", base))
	done := make(chan error, 1)
	go func() { done <- runtimetest.ExecFile(in, "test.py", src) }()
	nettest.WaitFor(t, out, "asking")
	time.Sleep(20 * time.Millisecond)
	in.Lock()
	in.Unlock()
	in.CancelAll("interrupt")
	select {
	case err := <-done:
		if err == nil || strings.Contains(out.String(), "not reached") {
			t.Fatalf("not interrupted: %v\n%s", err, out)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("cancel did not abort the request")
	}
}
