package usocket

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"

	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// TestMain keeps getaddrinfo off the network: names resolve from
// /etc/hosts only, so "localhost" works and anything else fails.
func TestMain(m *testing.M) {
	resolver = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		return nil, errors.New("no DNS in tests")
	}}
	os.Exit(m.Run())
}

// tcpServer runs handle for each connection on a loopback listener and
// returns its port.
func tcpServer(t *testing.T, handle func(net.Conn)) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				handle(c)
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// upperEcho answers each line with the line in upper case.
func upperEcho(c net.Conn) {
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if line != "" {
			fmt.Fprint(c, strings.ToUpper(line))
		}
		if err != nil {
			return
		}
	}
}

// script runs a .py source with PORT replaced, on a loopback-only
// interpreter, and returns its output and the dials it made.
func script(t *testing.T, src string, port int) (string, []string) {
	t.Helper()
	in, out, dials := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, strings.ReplaceAll(src, "PORT", fmt.Sprint(port)))
	return got, dials.List()
}

func wantOutput(t *testing.T, got, want string) {
	t.Helper()
	want = nettest.Dedent(want)
	if got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
}
