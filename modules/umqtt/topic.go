package umqtt

import (
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// Topic rules of MQTT 3.1.1 (section 4.7), checked before anything is
// sent: a broker answers a bad topic by closing the connection, which a
// script would see as a lost link (QoS 1) or not at all (QoS 0).

// topicProblem says what is wrong with s as a topic name (publish, last
// will) or, with filter set, as a subscription filter; "" when valid.
func topicProblem(s string, filter bool) string {
	switch {
	case s == "":
		return "is empty"
	case len(s) > 65535:
		return "is longer than 65535 bytes"
	case !utf8.ValidString(s):
		return "is not valid UTF-8"
	case strings.IndexByte(s, 0) >= 0:
		return "contains NUL"
	case !filter && strings.ContainsAny(s, "+#"):
		return "contains a wildcard (+ or #): only subscribe takes filters"
	}
	if filter {
		levels := strings.Split(s, "/")
		for i, l := range levels {
			switch {
			case strings.Contains(l, "#") && (l != "#" || i != len(levels)-1):
				return "has '#' other than as the whole last level"
			case strings.Contains(l, "+") && l != "+":
				return "has '+' that is not a whole level"
			}
		}
	}
	return ""
}

// topicArg reads a topic argument (str or bytes) and checks it.
func topicArg(fn, arg string, v starlark.Value, filter bool) (string, error) {
	s, err := text(fn, arg, v)
	if err != nil {
		return "", err
	}
	if p := topicProblem(s, filter); p != "" {
		return "", exc.ValueError("%s: %s %s %s", fn, arg, pyrepr.Repr(v), p)
	}
	return s, nil
}
