package usocket

import (
	"fmt"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// A CPython socket program (threaded TCP echo server and client, UDP,
// timeouts, shutdown, refusal) prints the same under python3 and qstar.
const cpythonProgram = `
import socket
import _thread
import time

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(1)
port = srv.getsockname()[1]
done = _thread.allocate_lock()
done.acquire()

def serve():
    conn, addr = srv.accept()
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data.upper())
    conn.close()
    done.release()

_thread.start_new_thread(serve, ())
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.settimeout(5)
c.connect(('127.0.0.1', port))
print(c.getpeername() == ('127.0.0.1', port), c.gettimeout())
c.sendall(b'hello')
print(c.recv(100))
c.sendall('world'.encode())
print(c.recv(100).decode())
c.settimeout(0.1)
try:
    c.recv(100)
except socket.timeout:
    print('timeout')
c.shutdown(socket.SHUT_WR)
c.settimeout(5)
print(c.recv(100))
c.close()
done.acquire()
srv.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
uport = u.getsockname()[1]
k = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
k.sendto(b'ping', ('127.0.0.1', uport))
data, addr = u.recvfrom(100)
print(data, addr[0])
u.sendto(data + b'!', addr)
print(k.recvfrom(100)[0])
u.close()
k.close()

print(socket.getaddrinfo('127.0.0.1', 80)[0][-1], socket.getaddrinfo('127.0.0.1', 80)[0][0] == socket.AF_INET)
s = socket.socket()
try:
    s.connect(('127.0.0.1', port))
except ConnectionRefusedError:
    print('refused')
except OSError as e:
    print('OSError', e)
s.close()
print(socket.gethostbyname('127.0.0.1'), socket.inet_ntoa(socket.inet_aton('10.0.0.1')), socket.ntohs(socket.htons(80)))
`

func TestMatchesCPython(t *testing.T) {
	want := runtimetest.Python(t, cpythonProgram, "")
	in, out, _ := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, cpythonProgram)
	if got != want {
		t.Errorf("qstar:\n%s\nCPython:\n%s", got, want)
	}
}

// The same for TLS with the ssl module: a context trusting the test CA
// verifies the server by name; the default context refuses it.
func TestSSLMatchesCPython(t *testing.T) {
	ca := nettest.NewCA(t)
	port := tlsServer(t, ca.ServerConfig(t, nil, "localhost"))
	prog := fmt.Sprintf("PORT = %d\nCA = %q\n", port, ca.PEM) + `
import socket
import ssl
ctx = ssl.create_default_context(cadata=CA)
print(ctx.check_hostname, ctx.verify_mode == ssl.CERT_REQUIRED)
raw = socket.create_connection(('localhost', PORT), 5)
s = ctx.wrap_socket(raw, server_hostname='localhost')
s.sendall(b'hi\n')
print(s.recv(100))
s.close()
try:
    plain = socket.create_connection(('localhost', PORT), 5)
    ssl.create_default_context().wrap_socket(plain, server_hostname='localhost')
    print('not refused')
except OSError:
    print('refused')
`
	want := runtimetest.Python(t, prog, "")
	in, out, _ := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, prog)
	if got != want {
		t.Errorf("qstar:\n%s\nCPython:\n%s", got, want)
	}
}
