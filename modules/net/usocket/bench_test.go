package usocket

import (
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
)

// echo copies everything back.
func echo(c net.Conn) { io.Copy(c, c) }

// BenchmarkScriptRoundTrip is one 64-byte send + recv from a script, for
// comparison with BenchmarkGoRoundTrip on the same echo server.
func BenchmarkScriptRoundTrip(b *testing.B) {
	port := benchServer(b)
	in, out, _ := nettest.Interp(b, nil)
	src := strings.NewReplacer("PORT", fmt.Sprint(port), "N", fmt.Sprint(b.N)).Replace(`
		import usocket
		s = usocket.socket()
		s.connect(('127.0.0.1', PORT))
		msg = b'x' * 64
		for i in range(N):
			s.send(msg)
			got = 0
			while got < 64:
				got += len(s.recv(64))
		s.close()
	`)
	b.ResetTimer()
	nettest.Py(b, in, out, src)
}

func BenchmarkGoRoundTrip(b *testing.B) {
	port := benchServer(b)
	c, err := net.Dial("tcp", fmt.Sprint("127.0.0.1:", port))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	msg, buf := make([]byte, 64), make([]byte, 64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		c.Write(msg)
		io.ReadFull(c, buf)
	}
}

func benchServer(b *testing.B) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); echo(c) }()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}
