package usocket

import (
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
)

// The QuecPython doc's client: getaddrinfo by name, connect to the
// sockaddr it gave, send, recv; the dial goes through Env.Dial by name.
func TestTCPClientByName(t *testing.T) {
	port := tcpServer(t, upperEcho)
	out, dials := script(t, `
		import usocket
		sock = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM, usocket.IPPROTO_TCP)
		info = usocket.getaddrinfo('localhost', PORT)
		print(len(info[0]), info[0][:4])
		sockaddr = info[0][-1]
		print(sockaddr[0], sockaddr[1] == PORT)
		sock.connect(sockaddr)
		print(sock.getsocketsta())
		n = sock.send('ping\n')
		print('sent', n)
		print(sock.recv(256))
		sock.sendall(b'two\nlines\n')
		print(sock.readline(), sock.readline())
		print(sock.write(bytearray(b'abc\n')))
		print(sock.read(4))
		sock.close()
		print(sock.getsocketsta())
	`, port)
	wantOutput(t, out, `
		5 (2, 1, 0, '')
		127.0.0.1 True
		4
		sent 5
		b'PING\n'
		b'TWO\n' b'LINES\n'
		4
		b'ABC\n'
		-1
	`)
	if len(dials) != 1 || dials[0] != "tcp localhost:"+strconv.Itoa(port) {
		t.Errorf("dials = %q, want one tcp dial to localhost by name", dials)
	}
}

// read() with no size reads until the peer closes; recv then reports the
// end once with b” and raises ENOTCONN after, so both loop styles end.
func TestTCPEndOfStream(t *testing.T) {
	port := tcpServer(t, func(c net.Conn) {
		io.WriteString(c, "all of it")
	})
	out, _ := script(t, `
		import usocket
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		print(s.read())
		print(s.recv(10))
		try:
			s.recv(10)
		except OSError as e:
			print('OSError', e.args[0])
		s.close()

		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		chunks = []
		while True:
			try:
				data = s.recv(4)
				chunks.append(data)
			except:
				print('disconnected')
				break
		print(chunks)
	`, port)
	wantOutput(t, out, `
		b'all of it'
		b''
		OSError 107
		disconnected
		[b'all ', b'of i', b't', b'']
	`)
}

// settimeout: recv with nothing to read raises OSError 110 (TimeoutError,
// socket.timeout); a non-blocking socket raises 11 at once.
func TestTCPTimeouts(t *testing.T) {
	hold := make(chan struct{})
	t.Cleanup(func() { close(hold) })
	port := tcpServer(t, func(c net.Conn) { <-hold })
	out, _ := script(t, `
		import usocket
		import socket
		import utime
		s = usocket.socket()
		s.settimeout(0.2)
		print(s.gettimeout())
		s.connect(('127.0.0.1', PORT))
		t0 = utime.ticks_ms()
		try:
			s.recv(10)
		except OSError as e:
			waited = utime.ticks_diff(utime.ticks_ms(), t0)
			print(e.args[0], e.errno, 150 <= waited and waited < 2000)
		try:
			s.recv(10)
		except socket.timeout:
			print('socket.timeout caught')
		s.setblocking(False)
		print(s.gettimeout())
		try:
			s.recv(10)
		except OSError as e:
			print(e.args[0])
		s.setblocking(True)
		print(s.gettimeout())
		s.close()
	`, port)
	wantOutput(t, out, `
		0.2
		110 110 True
		socket.timeout caught
		0.0
		11
		None
	`)
}

func TestTCPConnectRefused(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	out, _ := script(t, `
		import usocket
		s = usocket.socket()
		try:
			s.connect(('127.0.0.1', PORT))
		except OSError as e:
			print(e.args[0], type(e) == ConnectionRefusedError)
		try:
			s.send(b'x')
		except OSError as e:
			print('send', e.args[0])
		s.close()
		try:
			s.send(b'x')
		except OSError as e:
			print('closed', e.args[0])
	`, port)
	wantOutput(t, out, `
		111 True
		send 107
		closed 9
	`)
}

// getaddrinfo's shape, the af filter, QuecPython's 4-argument call and a
// name that does not resolve (OSError -2).
func TestGetaddrinfo(t *testing.T) {
	out, _ := script(t, `
		import usocket
		print(usocket.getaddrinfo('127.0.0.1', 80))
		print(usocket.getaddrinfo('127.0.0.1', '8080', 0, usocket.SOCK_STREAM)[0][-1])
		print(usocket.getaddrinfo('::1', 53, usocket.AF_INET6, usocket.SOCK_DGRAM))
		print(usocket.getaddrinfo('localhost', 123, usocket.AF_INET)[0][-1])
		try:
			usocket.getaddrinfo('no-such-host.invalid', 80)
		except OSError as e:
			print('OSError', e.args[0])
	`, 0)
	wantOutput(t, out, `
		[(2, 1, 0, '', ('127.0.0.1', 80))]
		('127.0.0.1', 8080)
		[(10, 2, 0, '', ('::1', 53))]
		('127.0.0.1', 123)
		OSError -2
	`)
}

// The __enter__/__exit__ pair closes the socket; a timeout during the
// block still closes it.
func TestSocketContextManager(t *testing.T) {
	port := tcpServer(t, upperEcho)
	out, _ := script(t, `
		import usocket
		s = usocket.socket()
		s2 = s.__enter__()
		print(s2 == s)
		s.connect(('127.0.0.1', PORT))
		s.send(b'x\n')
		print(s.recv(8))
		print(s.__exit__(None, None, None))
		print(s.getsocketsta())
	`, port)
	wantOutput(t, out, `
		True
		b'X\n'
		False
		-1
	`)
}

func TestSetsockoptKeepalive(t *testing.T) {
	port := tcpServer(t, upperEcho)
	out, _ := script(t, `
		import usocket
		s = usocket.socket()
		s.setsockopt(usocket.SOL_SOCKET, usocket.SO_REUSEADDR, 1)
		s.setsockopt(usocket.SOL_SOCKET, usocket.TCP_KEEPALIVE, 1)
		s.connect(('127.0.0.1', PORT))
		print(s.getsockopt(usocket.SOL_SOCKET, usocket.TCP_KEEPALIVE))
		print(s.fileno() > 2)
		s.close()
	`, port)
	wantOutput(t, out, `
		1
		True
	`)
}

// CPython's connect_ex, recv_into and a makefile() that flushes.
func TestCPythonExtras(t *testing.T) {
	port := tcpServer(t, upperEcho)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	out, _ := script(t, strings.ReplaceAll(`
		import socket
		s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
		print(s.connect_ex(('127.0.0.1', CLOSED)))
		s.close()
		s = socket.socket()
		print(s.connect_ex(('127.0.0.1', PORT)))
		f = s.makefile('rwb')
		f.write(b'abc\n')
		f.flush()
		buf = bytearray(8)
		n = s.recv_into(buf)
		print(n, bytes(buf[:n]))
		print(socket.gethostbyname('localhost'), socket.htons(1), socket.inet_aton('1.2.3.4'))
		s.close()
	`, "CLOSED", strconv.Itoa(closed)), port)
	wantOutput(t, out, `
		111
		0
		4 b'ABC\n'
		127.0.0.1 256 b'\x01\x02\x03\x04'
	`)
}
