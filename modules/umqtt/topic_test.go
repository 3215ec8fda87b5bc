package umqtt

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

func TestTopicProblem(t *testing.T) {
	long := strings.Repeat("a", 65536)
	cases := []struct {
		topic  string
		filter bool
		want   string // "" valid, else a part of the problem
	}{
		{"a/b", false, ""},
		{"/", false, ""},
		{"$sys/x", false, ""},
		{"日本/温度", false, ""},
		{"", false, "is empty"},
		{"", true, "is empty"},
		{"a/+", false, "wildcard"},
		{"a/#", false, "wildcard"},
		{"a+b", false, "wildcard"},
		{"a\x00b", false, "NUL"},
		{"a\xffb", false, "UTF-8"},
		{"a\xed\xa0\x80", false, "UTF-8"}, // a surrogate half
		{long, false, "65535"},
		{"a/+", true, ""},
		{"+", true, ""},
		{"#", true, ""},
		{"a/#", true, ""},
		{"+/+/#", true, ""},
		{"a//+", true, ""},
		{"a/#/b", true, "'#'"},
		{"a#", true, "'#'"},
		{"#/a", true, "'#'"},
		{"a+", true, "'+'"},
		{"a/+b/c", true, "'+'"},
		{"a\x00", true, "NUL"},
		{"\xc3(", true, "UTF-8"},
	}
	for _, tc := range cases {
		got := topicProblem(tc.topic, tc.filter)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("topicProblem(%.20q, filter=%v) = %q, want %q", tc.topic, tc.filter, got, tc.want)
		}
	}
}

// On a live connection a bad topic raises ValueError naming it, and the
// link stays up (the broker never saw the bad packet).
func testBadTopicsRaiseOnALiveLink(t *testing.T) {
	b := startBroker(t, brokerOpts{})
	okMsgs := b.collect(t, "ok")
	s := newScript(t)
	out := s.runPyOK(t, subst(`from umqtt import MQTTClient
c = MQTTClient("topics", "127.0.0.1", $PORT)
c.set_callback(lambda t, m: None)
c.connect()
for t in ["a/+", "a/#", "", "a\x00b", b"a\xffb"]:
    for q in [0, 1]:
        try:
            print(c.publish(t, "m", qos=q))
        except ValueError as e:
            print("ValueError:", e)
for f in ["a/#/b", "a+", "", "#/x"]:
    try:
        c.subscribe(f)
        print("subscribed", f)
    except ValueError as e:
        print("ValueError:", e)
print(c.publish("ok", "still up", qos=1), c.get_mqttsta())
c.disconnect()
`, "$PORT", b.port()))
	var want []string
	for _, l := range []string{
		`publish: topic 'a/+' contains a wildcard`,
		`publish: topic 'a/#' contains a wildcard`,
		`publish: topic '' is empty`,
		`publish: topic 'a\x00b' contains NUL`,
		`publish: topic b'a\xffb' is not valid UTF-8`,
	} {
		want = append(want, "ValueError: "+l, "ValueError: "+l) // QoS 0 and 1
	}
	want = append(want,
		`ValueError: subscribe: topic 'a/#/b' has '#' other than as the whole last level`,
		`ValueError: subscribe: topic 'a+' has '+' that is not a whole level`,
		`ValueError: subscribe: topic '' is empty`,
		`ValueError: subscribe: topic '#/x' has '#' other than as the whole last level`,
		`True 0`)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want %q", i+1, lines[i], w)
		}
	}
	if got := okMsgs.waitN(t, 1, 5*time.Second); got[0] != "still up" {
		t.Errorf("broker got %q", got)
	}
}

// runPyOK runs src as a Python main script, waits for its threads, and
// fails the test on error.
func (s *script) runPyOK(t testing.TB, src string) string {
	t.Helper()
	if err := runtimetest.Exec(s.in, "test.py", src); err != nil {
		t.Fatalf("script failed: %s\nstdout:\n%s\nstderr:\n%s", s.in.FormatError(err), s.out.String(), s.err.String())
	}
	return s.out.String()
}
