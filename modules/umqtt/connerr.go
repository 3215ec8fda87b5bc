package umqtt

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"time"
)

// connectError says why connect() failed, in QuecPython's words plus the
// reason: QuecPython raises ValueError("MQTT Connect error='<code>' FAIL")
// and friends; qstar keeps that prefix and says what the code means.
type connectError struct {
	kind    connectErrKind
	addr    string
	host    string
	rc      byte // CONNACK return code
	timeout time.Duration
	err     error
}

type connectErrKind int

const (
	errOther connectErrKind = iota
	errRefused
	errReset
	errTimeout
	errDNS
	errTLS
	errConnack
)

// connackMeaning is the MQTT 3.1.1 CONNACK return code table (§3.2.2.3).
var connackMeaning = map[byte]string{
	1: "unacceptable protocol version",
	2: "identifier rejected (client_id)",
	3: "server unavailable",
	4: "bad user name or password",
	5: "not authorized",
}

func (e *connectError) Error() string {
	switch e.kind {
	case errRefused:
		return fmt.Sprintf("MQTT Connect error='111' FAIL: connection refused by %s (no broker listening there?)", e.addr)
	case errReset:
		return fmt.Sprintf("MQTT Connect error='104' Server Actively RST: %s closed the connection during connect (%v)", e.addr, e.err)
	case errTimeout:
		return fmt.Sprintf("MQTT Connect error='110' Timeout: no answer from %s within %v", e.addr, e.timeout)
	case errDNS:
		return fmt.Sprintf("DNS Parsing failed: cannot resolve %q: %v", e.host, e.err)
	case errTLS:
		return fmt.Sprintf("MQTT Connect error='tls' FAIL: TLS handshake with %s failed: %v", e.addr, e.err)
	case errConnack:
		m := connackMeaning[e.rc]
		if m == "" {
			m = "unknown return code"
		}
		return fmt.Sprintf("MQTT Connect error='%d' FAIL: broker refused the connection: CONNACK %d, %s", e.rc, e.rc, m)
	}
	return fmt.Sprintf("MQTT Connect error='%v' FAIL", e.err)
}

func (e *connectError) Unwrap() error { return e.err }

// classify turns what paho and the dialer reported into a connectError.
func classify(cfg transportConfig, dialErr error, rc byte, tokErr error) *connectError {
	e := &connectError{addr: cfg.addr, host: cfg.host, timeout: cfg.timeout, err: tokErr}
	if dialErr != nil {
		e.err = dialErr
		var dns *net.DNSError
		var tlsErr *tlsError
		switch {
		case errors.As(dialErr, &tlsErr):
			e.kind = errTLS
			e.err = tlsErr.err
			if isTimeout(tlsErr.err) {
				e.kind = errTimeout
			}
		case errors.As(dialErr, &dns):
			e.kind = errDNS
		case errors.Is(dialErr, syscall.ECONNREFUSED):
			e.kind = errRefused
		case errors.Is(dialErr, syscall.ECONNRESET):
			e.kind = errReset
		case isTimeout(dialErr):
			e.kind = errTimeout
		}
		return e
	}
	if rc != 0 && rc < 0xFE { // 0xFE, 0xFF are paho's own network/protocol errors
		e.kind, e.rc = errConnack, rc
		return e
	}
	switch {
	case isTimeout(tokErr):
		e.kind = errTimeout
	case errors.Is(tokErr, syscall.ECONNRESET), errors.Is(tokErr, syscall.EPIPE):
		e.kind = errReset
	case tokErr != nil && tokErr.Error() == "EOF":
		e.kind, e.err = errReset, tokErr
	}
	return e
}

func isTimeout(err error) bool {
	if err == nil {
		return false
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	return errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded)
}
