package usocket

import (
	"bufio"
	"fmt"
	"net"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

// The QuecPython server example: IPPROTO_TCP_SER, accept() returning
// (conn, ip, port), one thread per client. A Go client talks to it while
// the main thread keeps running (accept releases the lock).
func TestTCPServerQuecPythonStyle(t *testing.T) {
	in, out, _ := nettest.Interp(t, nil)
	src := nettest.Dedent(`
		import usocket
		import _thread
		import utime

		def handle(conn, ip, port):
			while True:
				try:
					data = conn.recv(1024)
					conn.send(data)
				except:
					print('client gone')
					conn.close()
					break

		srv = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM, usocket.IPPROTO_TCP_SER)
		srv.bind(('127.0.0.1', 0))
		srv.listen(10)
		print('state', srv.getsocketsta())
		print('port', srv.getsockname()[1])

		def serve():
			conn, ip, port = srv.accept()
			print('accepted', ip, port > 0)
			_thread.start_new_thread(handle, (conn, ip, port))

		_thread.start_new_thread(serve, ())
		while True:
			utime.sleep_ms(5)
	`)
	done := make(chan error, 1)
	go func() { done <- runtimetest.ExecFile(in, "test.py", src) }()
	nettest.WaitFor(t, out, "\n")
	port := waitPort(t, out)
	c, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(c, "echo me\n")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || line != "echo me\n" {
		t.Fatalf("echo: %q, %v", line, err)
	}
	c.Close()
	nettest.WaitFor(t, out, "client gone")
	in.CancelAll("test over")
	<-done
	got := out.String()
	for _, want := range []string{"state 1\n", "accepted 127.0.0.1 True\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func waitPort(t *testing.T, out *runtimetest.Output) string {
	t.Helper()
	re := regexp.MustCompile(`port (\d+)`)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("no port in output:\n%s", out.String())
	return ""
}

// MicroPython/CPython style: socket(), bind, listen, conn, addr =
// accept(); the script is its own client. Also SO_REUSEADDR, accept
// timeouts, and bind's "address in use".
func TestTCPServerCPythonStyle(t *testing.T) {
	out, _ := script(t, `
		import socket
		import _thread

		srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
		srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
		srv.bind(('', 0))
		srv.listen(1)
		port = srv.getsockname()[1]

		srv.settimeout(0.05)
		try:
			srv.accept()
		except OSError as e:
			print('accept timeout', e.args[0])
		srv.settimeout(None)

		def client():
			c = socket.create_connection(('127.0.0.1', port), 5)
			c.sendall(b'GET /on HTTP/1.0\r\n\r\n')
			print('client got', c.recv(100))
			c.close()

		_thread.start_new_thread(client, ())
		conn, addr = srv.accept()
		print('from', addr[0], addr[1] > 0)
		req = conn.recv(1024).decode('utf-8')
		print('GET /on' in req)
		conn.send('HTTP/1.1 200 OK\r\n\r\n')
		conn.close()

		other = socket.socket()
		try:
			other.bind(('127.0.0.1', port))
		except OSError as e:
			print('bind', e.args[0])
		other.close()
		srv.close()
	`, 0)
	for _, want := range []string{"accept timeout 110\n", "from 127.0.0.1 True\n", "True\n", "client got b'HTTP/1.1 200 OK\\r\\n\\r\\n'\n", "bind 98\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Ctrl-C wakes a thread blocked in recv and in accept; while they wait,
// the interpreter lock is free.
func TestBlockedCallsWakeOnCancel(t *testing.T) {
	hold := make(chan struct{})
	t.Cleanup(func() { close(hold) })
	port := tcpServer(t, func(c net.Conn) { <-hold })
	for _, call := range []string{"s.recv(10)", "srv.accept()"} {
		t.Run(call, func(t *testing.T) {
			in, out, _ := nettest.Interp(t, nil)
			src := nettest.Dedent(strings.ReplaceAll(`
				import usocket
				srv = usocket.socket()
				srv.bind(('127.0.0.1', 0))
				srv.listen(1)
				s = usocket.socket()
				s.connect(('127.0.0.1', PORT))
				print('blocking')
				CALL
				print('not reached')
			`, "PORT", fmt.Sprint(port)))
			src = strings.ReplaceAll(src, "CALL", call)
			done := make(chan error, 1)
			go func() { done <- runtimetest.ExecFile(in, "test.py", src) }()
			nettest.WaitFor(t, out, "blocking")
			time.Sleep(20 * time.Millisecond)
			locked := make(chan struct{})
			go func() { in.Lock(); in.Unlock(); close(locked) }()
			select {
			case <-locked:
			case <-time.After(5 * time.Second):
				t.Fatal("the interpreter lock is held while the script waits")
			}
			in.CancelAll("interrupt")
			select {
			case err := <-done:
				if err == nil || strings.Contains(out.String(), "not reached") {
					t.Fatalf("script was not interrupted: %v\n%s", err, out.String())
				}
			case <-time.After(5 * time.Second):
				t.Fatal("cancel did not wake the blocked call")
			}
		})
	}
}

// The QuecPython samples serve on the address dataCall reports (here a
// simulated modem's, not this host's) at port 80, and their client
// connects there: the server listens on loopback instead and the
// script's own connections reach it, TCP and UDP; nothing is dialled.
func TestServeOnTheModemAddress(t *testing.T) {
	in, out, dials := nettest.Interp(t, nil)
	got := nettest.Py(t, in, out, `
		import usocket
		import _thread
		import utime
		addr = '10.145.246.10'

		def tcp_server():
			sock = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM, usocket.IPPROTO_TCP_SER)
			sock.bind((addr, 80))
			sock.listen(10)
			conn, ip, port = sock.accept()
			conn.send(conn.recv(100) + b'!')
			conn.close()
			sock.close()

		_thread.start_new_thread(tcp_server, ())
		utime.sleep_ms(100)
		c = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM, usocket.IPPROTO_TCP)
		c.connect((addr, 80))
		c.send(b'1234567890')
		print('tcp', c.recv(100))
		c.close()

		u = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM, usocket.IPPROTO_UDP)
		u.bind((addr, 80))
		client = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM, usocket.IPPROTO_UDP)
		client.sendto(b'ping', (addr, 80))
		data, sockaddr = u.recvfrom(100)
		u.sendto(data + b'?', sockaddr)
		print('udp', client.recvfrom(100)[0])
	`)
	if !strings.Contains(got, "tcp b'1234567890!'\n") || !strings.Contains(got, "udp b'ping?'\n") {
		t.Errorf("output:\n%s", got)
	}
	if !strings.Contains(got, "10.145.246.10:80 cannot be bound on this host; serving on 127.0.0.1:") {
		t.Errorf("no notice on stderr:\n%s", got)
	}
	if d := dials.List(); len(d) != 0 {
		t.Errorf("dials = %q, want none through Env.Dial", d)
	}
}
