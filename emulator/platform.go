package emulator

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Platform is one cloud's behaviour in the emulator: which hosts select
// it, how its CONNECT credentials are checked, and how it answers the
// device's system topics.
type Platform struct {
	Name  string
	Hosts []string // host suffixes that route to this platform

	// Recognise reports whether CONNECT fields have this platform's form;
	// the standalone listener, which sees no host name, picks by it.
	Recognise func(c Connect) bool

	// Verify checks the credentials (nil: accept any). secret returns the
	// key registered for a device (the key's form is the platform's: see
	// Devices); with none registered a platform checks the form only. It
	// returns nil or an error with a ReturnCode() byte method giving the
	// CONNACK code the platform would send (like *Reject).
	Verify func(c Connect, now time.Time, secret func(key string) (string, bool)) error

	// OnPublish answers a device's publish on the platform's topics
	// (a data point's "accepted" reply, say) by calling reply.
	OnPublish func(c Connect, topic string, payload []byte, reply func(topic string, payload []byte))

	// Established runs once the device's CONNACK is sent; send delivers to
	// that device alone.
	Established func(c Connect, send func(topic string, payload []byte))

	// Reported reads the properties a device's publish reports (nil: none),
	// for the console.
	Reported func(c Connect, topic string, payload []byte) map[string]any

	// AutoSubscribe: the platform delivers a device's system topics
	// without a SUBSCRIBE (Aliyun).
	AutoSubscribe bool

	// Session checks what the platform asks of the connection itself (TLS,
	// keep-alive range) before the credentials; nil: nothing. Its error is
	// a *Reject.
	Session func(c Connect) error

	// Shape describes the form of each CONNECT field, to name the closest
	// platform and the wrong field when credentials fit none.
	Shape Shape

	// Owns reports whether a topic, or a subscription filter, lies in the
	// device's own topic space; a device publishes and subscribes only
	// there (nil: anywhere, as a plain broker).
	Owns func(c Connect, topic string) bool

	// Reserved are the topic prefixes of the platform's system topics:
	// plain clients may not use them.
	Reserved []string

	// Consumes reports whether a device's publish on topic is for the
	// platform alone (answered by OnPublish, forwarded to no subscriber):
	// Azure's $iothub topics belong to the connection.
	Consumes func(topic string) bool
}

// Connect holds the CONNECT fields a platform checks, and the emulator's
// state the platform keeps between messages.
type Connect struct {
	ClientID, User, Password string
	KeepAlive                uint16 // seconds, as the CONNECT asked
	TLS                      bool   // the connection is TLS
	State                    *State
	secrets                  func(key string) (string, bool) // the platform's registered keys
	strict                   bool                            // Options.Strict
}

// State is what one emulator remembers across connections (device twins).
type State struct {
	mu    sync.Mutex
	twins map[string]*twin // Azure, by client id
	// Aliyun: device secrets issued by dynamic registration ("pk/dn"), and
	// device tokens issued by regnwl ("pk/dn/clientId")
	issued map[string]string
	tokens map[string]string
	// Azure: the identity registry, by "device" or "device/module"
	registry map[string]*identity
	// application calls awaiting a device's answer (Azure methods, Huawei
	// and OneNET commands), by scope and request id; see waiters.go
	waiting map[string]chan deviceReply
	expired map[string]bool
	rid     int
}

// Reject is a refused CONNECT: an MQTT 3.1.1 CONNACK return code and why.
type Reject struct {
	Code   byte // 2 identifier rejected, 4 bad user name or password, 5 not authorized
	Reason string
}

func (r *Reject) Error() string { return fmt.Sprintf("%s (CONNACK %d)", r.Reason, r.Code) }

// ReturnCode is the CONNACK return code.
func (r *Reject) ReturnCode() byte { return r.Code }

// plain is the platform for any other host: an ordinary broker.
var plain = &Platform{Name: "plain"}

// platforms are the clouds the emulator knows, most specific first.
var platforms = []*Platform{onenet, huawei, aliyun, azure}

// byHost picks the platform for a dialled host name.
func byHost(host string) *Platform {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, p := range platforms {
		for _, suffix := range p.Hosts {
			if host == suffix || strings.HasSuffix(host, "."+suffix) {
				return p
			}
		}
	}
	return plain
}

// byForm picks the platform whose credential form c has.
func byForm(c Connect) *Platform {
	for _, p := range platforms {
		if p.Recognise != nil && p.Recognise(c) {
			return p
		}
	}
	return plain
}

func byName(name string) *Platform {
	for _, p := range platforms {
		if p.Name == name {
			return p
		}
	}
	return plain
}
