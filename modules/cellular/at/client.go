package at

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Client.
type Options struct {
	Name    string        // shown in log lines, e.g. the device path
	Timeout time.Duration // per command unless Command says otherwise; default 5s
	// URC receives unsolicited lines. It runs on the reader goroutine and
	// must not block.
	URC  func(line string)
	Logf func(format string, args ...any)
}

// Client sends one AT command at a time and collects its response.
type Client struct {
	port io.ReadWriteCloser
	opt  Options
	sem  chan struct{} // one command on the wire at a time, across threads

	mu  sync.Mutex
	cur *exchange
	// owed holds, for each command we gave up on, until when its late
	// final result may still arrive. A modem answers in order, so the next
	// final results belong to those commands, not to the current one.
	owed []time.Time

	done    chan struct{}
	readErr error
	closed  atomic.Bool
}

type exchange struct {
	cmd, name string
	lines     chan string
	prompt    chan struct{} // the "> " of AT+CMGS; nil for other commands
}

// Errors a command can end with.
var (
	ErrClosed = errors.New("modem port closed")
)

// CMEError is a "+CME ERROR: <code>" (or +CMS) final result; Code is -1
// when the modem sent text this package does not know.
type CMEError struct {
	Cmd  string
	Code int
}

func (e *CMEError) Error() string { return fmt.Sprintf("%s: +CME ERROR: %d", redact(e.Cmd), e.Code) }

// ResultError is a plain ERROR (or NO CARRIER, ...) final result.
type ResultError struct{ Cmd, Result string }

func (e *ResultError) Error() string { return redact(e.Cmd) + ": " + e.Result }

// TimeoutError means the modem sent no final result in time.
type TimeoutError struct {
	Cmd   string
	After time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("no answer to %s within %v", redact(e.Cmd), e.After)
}

// New starts a client on an open port; it owns the port from now on.
func New(port io.ReadWriteCloser, opt Options) *Client {
	if opt.Timeout <= 0 {
		opt.Timeout = 5 * time.Second
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	c := &Client{port: port, opt: opt, sem: make(chan struct{}, 1), done: make(chan struct{})}
	go c.read()
	return c
}

// Close closes the port and ends the reader.
func (c *Client) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	err := c.port.Close()
	<-c.done
	return err
}

// Command sends cmd and returns its information lines (echo, URCs and
// noise removed) when the modem answers OK. timeout 0 uses the default.
func (c *Client) Command(ctx context.Context, cmd string, timeout time.Duration) ([]string, error) {
	info, _, err := c.exchange(ctx, cmd, nil, timeout)
	return info, err
}

// Raw sends cmd and returns its information lines and its final result
// line ("OK", "ERROR", "+CME ERROR: 10"), for atcmd.sendSync. err is nil
// for any final result; it reports a timeout or a closed port.
func (c *Client) Raw(ctx context.Context, cmd string, timeout time.Duration) ([]string, string, error) {
	info, final, err := c.exchange(ctx, cmd, nil, timeout)
	return info, final, finalOnly(err)
}

// WithBody sends cmd, waits for the modem's "> " prompt, then sends body
// and Ctrl-Z (AT+CMGS), and returns as Raw does.
func (c *Client) WithBody(ctx context.Context, cmd, body string, timeout time.Duration) ([]string, string, error) {
	b := []byte(body + "\x1a")
	info, final, err := c.exchange(ctx, cmd, b, timeout)
	return info, final, finalOnly(err)
}

func finalOnly(err error) error {
	var re *ResultError
	var ce *CMEError
	if errors.As(err, &re) || errors.As(err, &ce) {
		return nil
	}
	return err
}

// exchange runs one command: cmd, then body after the "> " prompt when
// body is not nil. It returns the information lines and the final line.
func (c *Client) exchange(ctx context.Context, cmd string, body []byte, timeout time.Duration) ([]string, string, error) {
	if timeout <= 0 {
		timeout = c.opt.Timeout
	}
	if c.closed.Load() {
		return nil, "", ErrClosed
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, "", ctx.Err()
	case <-c.done:
		return nil, "", ErrClosed
	}
	defer func() { <-c.sem }()

	ex := &exchange{cmd: cmd, name: commandName(cmd), lines: make(chan string, 256)}
	if body != nil {
		ex.prompt = make(chan struct{}, 1)
	}
	c.mu.Lock()
	c.cur = ex
	c.expireDebts()
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.cur = nil
		c.mu.Unlock()
	}()

	if _, err := c.port.Write([]byte(cmd + "\r")); err != nil {
		if c.closed.Load() {
			return nil, "", ErrClosed
		}
		return nil, "", fmt.Errorf("modem %s: write %s: %w", c.opt.Name, redact(cmd), err)
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	var info []string
	for {
		select {
		case <-ex.prompt:
			if _, err := c.port.Write(body); err != nil {
				return nil, "", fmt.Errorf("modem %s: write after %s: %w", c.opt.Name, redact(cmd), err)
			}
		case line := <-ex.lines:
			if strings.EqualFold(line, cmd) { // echo, if ATE0 did not stick
				continue
			}
			kind, code := classify(line)
			if kind != notFinal && c.payDebt() {
				info = info[:0] // the late answer of a command we gave up on
				continue
			}
			switch kind {
			case finalOK:
				return info, line, nil
			case finalError:
				return info, line, &ResultError{Cmd: cmd, Result: line}
			case finalCME:
				return info, line, &CMEError{Cmd: cmd, Code: code}
			}
			info = append(info, line)
		case <-timer.C:
			c.addDebt(timeout)
			err := &TimeoutError{Cmd: cmd, After: timeout}
			c.opt.Logf("modem %s: %v", c.opt.Name, err)
			return nil, "", err
		case <-ctx.Done():
			c.addDebt(timeout)
			return nil, "", ctx.Err()
		case <-c.done:
			if c.readErr != nil && !c.closed.Load() {
				c.opt.Logf("modem %s: read: %v", c.opt.Name, c.readErr)
			}
			return nil, "", ErrClosed
		}
	}
}

// addDebt records a command that may still answer, for up to twice its
// timeout; after that it is taken as lost (a modem that dropped it).
func (c *Client) addDebt(timeout time.Duration) {
	c.mu.Lock()
	c.owed = append(c.owed, time.Now().Add(2*timeout))
	c.mu.Unlock()
}

// payDebt consumes the oldest live debt, if any.
func (c *Client) payDebt() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expireDebts()
	if len(c.owed) == 0 {
		return false
	}
	c.owed = c.owed[1:]
	return true
}

func (c *Client) expireDebts() {
	now := time.Now()
	for len(c.owed) > 0 && now.After(c.owed[0]) {
		c.owed = c.owed[1:]
	}
}

// read splits the byte stream into lines and routes each one.
func (c *Client) read() {
	defer close(c.done)
	buf := make([]byte, 512)
	var line []byte
	for {
		n, err := c.port.Read(buf)
		for _, b := range buf[:n] {
			if b == '\r' || b == '\n' {
				if len(bytes.TrimSpace(line)) > 0 {
					c.dispatch(string(line))
					line = line[:0]
				}
				continue
			}
			if len(line) < maxLine {
				line = append(line, b)
			}
		}
		if string(line) == "> " || string(line) == ">" {
			if c.prompted() {
				line = line[:0]
			}
		}
		if err != nil {
			c.readErr = err
			return
		}
	}
}

const maxLine = 4096

// prompted hands a "> " prompt to a command waiting to send its body.
func (c *Client) prompted() bool {
	c.mu.Lock()
	ex := c.cur
	c.mu.Unlock()
	if ex == nil || ex.prompt == nil {
		return false
	}
	select {
	case ex.prompt <- struct{}{}:
	default:
	}
	return true
}

// urcPrefixes start lines a modem sends on its own.
var urcPrefixes = []string{
	"RDY", "POWERED DOWN", "+CPIN:", "+QUSIM:", "+QIND:", "+QSIMSTAT:", "+QIURC:",
	"+CREG:", "+CEREG:", "+CGREG:", "+CGEV:", "+CFUN:", "RING", "+CLIP:", "+CMTI:", "+QSTAT:",
}

// dispatch hands a line to the waiting command, or to the URC handler when
// it is unsolicited. A "+X:" line belongs to a command whose name is +X.
func (c *Client) dispatch(line string) {
	if !printable(line) {
		return // noise on the wire
	}
	c.mu.Lock()
	ex := c.cur
	c.mu.Unlock()
	if ex != nil && !isURC(line, ex.name) {
		select {
		case ex.lines <- line:
		default: // a flood: keep the reader going, the command will time out
		}
		return
	}
	if k, _ := classify(line); k != notFinal {
		c.payDebt() // a late final result with no command waiting
		return
	}
	if c.opt.URC != nil {
		c.opt.URC(line)
	}
}

func isURC(line, cmdName string) bool {
	if cmdName != "" && strings.HasPrefix(line, cmdName+":") {
		return false
	}
	for _, p := range urcPrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// compiled on first use, as every package-level regexp: package init
// is paid by every run, even one that never logs an AT command
var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"[^"]*"`) })

// redact hides quoted parameters (PINs, passwords) from log lines.
func redact(cmd string) string { return quoted().ReplaceAllString(cmd, `"***"`) }
