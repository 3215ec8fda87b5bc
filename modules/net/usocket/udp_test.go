package usocket

import (
	"net"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// udpEcho answers each datagram with "re:" + it.
func udpEcho(t *testing.T) int {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			pc.WriteTo(append([]byte("re:"), buf[:n]...), from)
		}
	}()
	return pc.LocalAddr().(*net.UDPAddr).Port
}

// The QuecPython UDP client: sendto without bind, recvfrom; the
// datagrams go through Env.Dial.
func TestUDPClient(t *testing.T) {
	port := udpEcho(t)
	out, dials := script(t, `
		import usocket
		sock = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM, usocket.IPPROTO_UDP)
		print(sock.sendto(b'1234567890', ('127.0.0.1', PORT)))
		data, addr = sock.recvfrom(1024)
		print(data, addr[0], addr[1] == PORT)
		sock.sendto(bytearray(b'\x1b' + b'\x00' * 3), 0, ('127.0.0.1', PORT))
		print(sock.recv(48, 0))
		sock.settimeout(0.1)
		try:
			sock.recv(48)
		except OSError as e:
			print('timeout', e.args[0])
		sock.close()

		c = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM)
		c.connect(('127.0.0.1', PORT))
		c.send('connected')
		print(c.recv(100))
		c.close()
	`, port)
	wantOutput(t, out, `
		10
		b're:1234567890' 127.0.0.1 True
		b're:\x1b\x00\x00\x00'
		timeout 110
		b're:connected'
	`)
	if len(dials) != 2 || !strings.HasPrefix(dials[0], "udp 127.0.0.1:") {
		t.Errorf("dials = %q, want two udp dials", dials)
	}
}

// A bound UDP socket serves: recvfrom gives the sender, sendto answers it.
func TestUDPServer(t *testing.T) {
	in, out, _ := nettest.Interp(t, nil)
	src := nettest.Dedent(`
		import usocket
		sock = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM, usocket.IPPROTO_UDP)
		sock.bind(('127.0.0.1', 0))
		print('port', sock.getsockname()[1])
		for i in range(2):
			data, sockaddr = sock.recvfrom(1024)
			print('got', data, sockaddr[0])
			sock.sendto(data + b'!', sockaddr)
		sock.close()
	`)
	done := make(chan error, 1)
	go func() { done <- runtimetest.ExecFile(in, "test.py", src) }()
	port := waitPort(t, out)
	c, err := net.Dial("udp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, msg := range []string{"a", "bc"} {
		c.Write([]byte(msg))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 100)
		n, err := c.Read(buf)
		if err != nil || string(buf[:n]) != msg+"!" {
			t.Fatalf("answer %q, %v; want %q", buf[:n], err, msg+"!")
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "got b'bc' 127.0.0.1\n") {
		t.Errorf("output:\n%s", out)
	}
}

// AF_INET6 sockets serve and connect on ::1 (skipped where the host has
// no IPv6 loopback).
func TestIPv6Loopback(t *testing.T) {
	if ln, err := net.Listen("tcp6", "[::1]:0"); err != nil {
		t.Skip("no IPv6 loopback")
	} else {
		ln.Close()
	}
	out, _ := script(t, `
		import usocket
		import _thread
		srv = usocket.socket(usocket.AF_INET6, usocket.SOCK_STREAM)
		srv.bind(('::1', 0))
		srv.listen(1)
		port = srv.getsockname()[1]
		def serve():
			c, addr = srv.accept()
			c.send(c.recv(10) + b'6')
			c.close()
		_thread.start_new_thread(serve, ())
		s = usocket.socket(usocket.AF_INET6, usocket.SOCK_STREAM)
		s.connect(usocket.getaddrinfo('::1', port)[0][-1])
		s.send(b'v')
		print(s.recv(10), s.getpeername()[0])
		s.close()
	`, 0)
	wantOutput(t, out, `
		b'v6' ::1
	`)
}
