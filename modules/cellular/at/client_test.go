package at

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeModem answers commands on the far end of a pipe with reply(cmd).
func fakeModem(t *testing.T, reply func(cmd string) string, opt Options) (*Client, *[]string) {
	t.Helper()
	near, far := net.Pipe()
	var mu sync.Mutex
	var urcs []string
	opt.URC = func(l string) {
		mu.Lock()
		urcs = append(urcs, l)
		mu.Unlock()
	}
	c := New(near, opt)
	go func() {
		r := bufio.NewReader(far)
		for {
			cmd, err := r.ReadString('\r')
			if err != nil {
				return
			}
			if out := reply(strings.TrimSuffix(cmd, "\r")); out != "" {
				if _, err := far.Write([]byte(out)); err != nil {
					return
				}
			}
		}
	}()
	t.Cleanup(func() { c.Close(); far.Close() })
	return c, &urcs
}

func TestClientSeparatesURCsAndEcho(t *testing.T) {
	c, urcs := fakeModem(t, func(cmd string) string {
		switch cmd {
		case "AT+CIMI":
			return "AT+CIMI\r\r\n460011234567890\r\n\r\n+QIURC: \"pdpdeact\",1\r\n\r\n+CEREG: 1\r\n\r\nOK\r\n"
		case "AT+CPIN?":
			return "\r\n+CPIN: READY\r\n\r\nOK\r\n"
		case "AT+CPIN=\"1111\"":
			return "\r\n+CME ERROR: 16\r\n"
		}
		return "\r\nERROR\r\n"
	}, Options{Timeout: time.Second})
	ctx := context.Background()
	lines, err := c.Command(ctx, "AT+CIMI", 0)
	if err != nil || len(lines) != 1 || lines[0] != "460011234567890" {
		t.Fatalf("AT+CIMI = %q, %v", lines, err)
	}
	lines, err = c.Command(ctx, "AT+CPIN?", 0)
	if err != nil || len(lines) != 1 || lines[0] != "+CPIN: READY" {
		t.Fatalf("AT+CPIN? = %q, %v", lines, err)
	}
	_, err = c.Command(ctx, `AT+CPIN="1111"`, 0)
	var ce *CMEError
	if !errors.As(err, &ce) || ce.Code != 16 || strings.Contains(err.Error(), "1111") {
		t.Fatalf("want CME 16 without the PIN, got %v", err)
	}
	_, err = c.Command(ctx, "AT+BOGUS", 0)
	var re *ResultError
	if !errors.As(err, &re) {
		t.Fatalf("want ERROR, got %v", err)
	}
	if got := strings.Join(*urcs, "|"); got != `+QIURC: "pdpdeact",1|+CEREG: 1` {
		t.Errorf("URCs = %s", got)
	}
}

// Many threads at once: each gets its own answer.
func TestClientSerialisesThreads(t *testing.T) {
	c, _ := fakeModem(t, func(cmd string) string {
		return fmt.Sprintf("\r\n+ECHO: %s\r\n\r\nOK\r\n", strings.TrimPrefix(cmd, "AT+ECHO="))
	}, Options{Timeout: 2 * time.Second})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines, err := c.Command(context.Background(), fmt.Sprintf("AT+ECHO=%d", i), 0)
			if want := fmt.Sprintf("+ECHO: %d", i); err != nil || len(lines) != 1 || lines[0] != want {
				t.Errorf("thread %d got %q, %v", i, lines, err)
			}
		}()
	}
	wg.Wait()
}

func TestClientTimeoutAndCancel(t *testing.T) {
	var logged []string
	var mu sync.Mutex
	c, _ := fakeModem(t, func(string) string { return "" }, Options{
		Name: "/dev/fake", Timeout: 50 * time.Millisecond,
		Logf: func(f string, a ...any) { mu.Lock(); logged = append(logged, fmt.Sprintf(f, a...)); mu.Unlock() },
	})
	_, err := c.Command(context.Background(), `AT+CPIN="9999"`, 0)
	var te *TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("want a timeout, got %v", err)
	}
	mu.Lock()
	if len(logged) != 1 || !strings.Contains(logged[0], "/dev/fake") || strings.Contains(logged[0], "9999") {
		t.Errorf("log: %q", logged)
	}
	mu.Unlock()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	if _, err := c.Command(ctx, "AT", time.Minute); !errors.Is(err, context.Canceled) {
		t.Fatalf("want cancellation, got %v", err)
	}
	c.Close()
	if _, err := c.Command(context.Background(), "AT", 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
}

// FuzzClientStream: whatever bytes a modem sends, a command ends (with a
// result or a timeout) and nothing panics.
func FuzzClientStream(f *testing.F) {
	f.Add([]byte("\r\n+CPIN: READY\r\n\r\nOK\r\n"))
	f.Add([]byte("\xff\xfe\r\n+CME ERROR: \r\n"))
	f.Add([]byte("RDY\r\n+QIURC: \"pdpdeact\",\r\nERROR\n"))
	f.Add([]byte(strings.Repeat("x", 5000) + "\rOK\r"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		c, _ := fakeModem(t, func(string) string { return string(stream) }, Options{Timeout: 20 * time.Millisecond})
		lines, err := c.Command(context.Background(), "AT+CPIN?", 0)
		for _, l := range lines {
			if !printable(l) || l == "" {
				t.Fatalf("unprintable or empty line %q", l)
			}
		}
		_ = err
	})
}
