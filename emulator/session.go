package emulator

import (
	"crypto/tls"
	"fmt"
	"net"
	"strings"
)

// What the platforms ask of a connection before its credentials: TLS and
// a keep-alive range (facts from the project's reference notes, which the
// comments cite; the notes themselves are not read at run time).

// codeKeepAlive is the CONNACK code for a keep-alive out of range. Huawei
// documents 2 (cloud-auth.md D.2); Aliyun and OneNET say only that the
// connection is refused, so the emulator answers them the same way.
const codeKeepAlive = 2

// codeNeedsTLS answers a plain-TCP CONNECT to a platform that serves MQTT
// over TLS only: on the real cloud no broker listens there at all, which
// "server unavailable" is closest to.
const codeNeedsTLS = 3

// keepAliveIn refuses a keep-alive outside [min, max] seconds.
func keepAliveIn(c Connect, min, max int) error {
	if k := int(c.KeepAlive); k < min || k > max {
		return &Reject{Code: codeKeepAlive, Reason: fmt.Sprintf("keep-alive %d s is outside the platform's %d..%d s", k, min, max)}
	}
	return nil
}

// needsTLS refuses a plain-TCP connection; why names the platform's rule.
func needsTLS(c Connect, why string) error {
	if !c.TLS {
		return &Reject{Code: codeNeedsTLS, Reason: "plain TCP refused: " + why}
	}
	return nil
}

// isTLS reports whether a broker connection came in over TLS (the split
// listener hands the broker a replayConn around the TLS conn).
func isTLS(c net.Conn) bool {
	if f, ok := c.(*feedConn); ok {
		c = f.Conn
	}
	if r, ok := c.(*replayConn); ok {
		c = r.Conn
	}
	_, ok := c.(*tls.Conn)
	return ok
}

// redact removes the user name and password, and the 40-character clips
// the auth packages quote, from a log line: a password typed into the
// user field must not reach the log either.
func redact(line string, c Connect) string {
	for _, f := range []struct{ value, name string }{{c.Password, "<password>"}, {c.User, "<user name>"}} {
		if f.value == "" {
			continue
		}
		line = strings.ReplaceAll(line, f.value, f.name)
		if len(f.value) > 40 {
			line = strings.ReplaceAll(line, f.value[:40], f.name)
		}
	}
	return line
}
