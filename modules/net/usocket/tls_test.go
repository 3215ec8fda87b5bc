package usocket

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime"
)

// tlsServer answers each line over TLS with "tls:" + the line.
func tlsServer(t *testing.T, cfg *tls.Config) int {
	t.Helper()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
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
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					fmt.Fprint(c, "tls:"+line)
				}
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// The ussl doc's one-way authentication: the server is verified against
// Env.RootCAs with SNI from server_hostname (or the host connected to).
func TestUsslWrapSocketVerifies(t *testing.T) {
	ca := nettest.NewCA(t)
	sni := make(chan string, 4)
	port := tlsServer(t, ca.ServerConfig(t, sni, "localhost", "127.0.0.1"))
	in, out, _ := nettest.Interp(t, func(env *runtime.Env) { env.RootCAs = ca.Pool })
	got := nettest.Py(t, in, out, strings.ReplaceAll(`
		import usocket
		import ussl
		sock = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM)
		sock.connect(usocket.getaddrinfo('localhost', PORT)[0][-1])
		sock = ussl.wrap_socket(sock, 'localhost')
		print(sock.write('hello\n'))
		print(sock.readline())
		sock.close()

		import ssl
		s = usocket.socket()
		s.connect(usocket.getaddrinfo('localhost', PORT)[0][-1])
		s = ssl.wrap_socket(s)
		s.send(b'by name\n')
		print(s.recv(100))
		s.close()

		ctx = ssl.create_default_context()
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		s = ctx.wrap_socket(s, server_hostname='localhost')
		s.sendall(b'ctx\n')
		print(s.read(8))
		s.close()
	`, "PORT", fmt.Sprint(port)))
	wantOutput(t, got, `
		6
		b'tls:hello\n'
		b'tls:by name\n'
		b'tls:ctx\n'
	`)
	for i := 0; i < 3; i++ {
		if name := <-sni; name != "localhost" {
			t.Errorf("SNI %d = %q, want localhost", i, name)
		}
	}
}

// Without the CA the handshake fails with an OSError; CERT_NONE lets it
// through, and a certificate for another name is refused.
func TestUsslRejectsUntrusted(t *testing.T) {
	ca := nettest.NewCA(t)
	port := tlsServer(t, ca.ServerConfig(t, nil, "other.example"))
	in, out, _ := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, strings.ReplaceAll(`
		import usocket
		import ussl
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		try:
			ussl.wrap_socket(s, server_hostname='other.example')
		except OSError as e:
			print('refused', 'certificate' in str(e))
		s.close()
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		s = ussl.wrap_socket(s, cert_reqs=ussl.CERT_NONE)
		s.write(b'x\n')
		print(s.readline())
		s.close()
	`, "PORT", fmt.Sprint(port)))
	if !strings.Contains(got, "refused True\n") || !strings.Contains(got, "b'tls:x\\n'") {
		t.Errorf("output:\n%s", got)
	}

	in2, out2, _ := nettest.Interp(t, func(env *runtime.Env) { env.RootCAs = ca.Pool })
	got = nettest.Py(t, in2, out2, strings.ReplaceAll(`
		import usocket
		import ussl
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		try:
			ussl.wrap_socket(s, server_hostname='localhost')
		except OSError as e:
			print('wrong name refused')
	`, "PORT", fmt.Sprint(port)))
	if !strings.Contains(got, "wrong name refused") {
		t.Errorf("output:\n%s", got)
	}
}
