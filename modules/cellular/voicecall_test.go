package cellular_test

import (
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"
)

const voiceProfile = `{"voice": {"answer_ms": 300, "busy": ["10010"]}}`

// voiceScript runs unchanged on the in-process simulated modem and over
// AT on a pty.
const voiceScript = `
import voiceCall, utime, voicetest
events = []
def cb(args):
    events.append((args[0], args[2], args[3], args[6], args[7]))
    if args[0] == 10:
        print('answer', voiceCall.callAnswer())
def wait_for(ev):
    for i in range(300):
        if [e for e in events if e[0] == ev]:
            return True
        utime.sleep_ms(10)
    return False
print(voiceCall.setCallback(cb), voiceCall.setCallback(3))
print(voiceCall.callStart('not a number'), voiceCall.startDtmf('1', 100), voiceCall.callAnswer())
print(voiceCall.callStart('+8613800000001'))
print(wait_for(11))
print(voiceCall.startDtmf('12#', 200), voiceCall.startDtmf('x', 200), voiceCall.startDtmf('1', 50))
print(voiceCall.callStart('13800000009'))
print(voiceCall.callEnd(), wait_for(12))
print(events)
events.clear()
voicetest.ring('13900000002')
print(wait_for(11))
print(voiceCall.callEnd(), wait_for(12))
print(events)
events.clear()
print(voiceCall.callStart('10010'), wait_for(12), events)
print(voiceCall.getVolume(), voiceCall.setVolume(9), voiceCall.getVolume(), voiceCall.setVolume(12))
print(voiceCall.setChannel(2), voiceCall.setChannel(3), voiceCall.setAutoAnswer(5), voiceCall.setAutoAnswer(300))
print(voiceCall.setFw(0, 1, '13800000000'), voiceCall.setFw(5, 1, '1'))
print(voiceCall.getAutoCancelStatus(), voiceCall.setAutoCancel(1), voiceCall.getAutoCancelStatus())
events.clear()
voicetest.ring('13900000003')
print(wait_for(12), [e[0] for e in events])
print(voiceCall.startRecord(0, 2, 'U:/x.amr'), voiceCall.dtmfDetEnable(1), voiceCall.dtmfSetCb(cb), voiceCall.dtmfSetCb(0))
`

const voiceWant = `0 -1
-1 -1 -1
0
True
0 -1 -1
-1
0 True
[(14, 0, 2, '+8613800000001', 145), (15, 0, 3, '+8613800000001', 145), (11, 0, 0, '+8613800000001', 145), (12, 0, 0, '+8613800000001', 145)]
answer 0
True
0 True
[(10, 1, 4, '13900000002', 129), (11, 1, 0, '13900000002', 129), (12, 1, 0, '13900000002', 129)]
0 True [(12, 0, 2, '10010', 129)]
4 0 9 -1
0 -1 0 -1
0 -1
0 0 1
answer -1
True [10, 12]
NOT SUPPORT 0 0 -1
`

var ringHook func(string)

func init() {
	runtime.Register(runtime.Module{Name: "voicetest", Doc: "test hook", New: func(*runtime.Env) (starlark.StringDict, error) {
		return starlark.StringDict{"ring": starlark.NewBuiltin("ring", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var n string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &n); err != nil {
				return nil, err
			}
			ringHook(n)
			return starlark.None, nil
		})}, nil
	}})
}

func runVoice(t *testing.T, config map[string]string, setup func(s *session), st *profile.State) string {
	t.Helper()
	defer cellular.SetVoicePoll(20 * time.Millisecond)()
	s := newSession(t, config)
	if setup != nil {
		setup(s)
	}
	ringHook = func(n string) {
		if err := st.Ring(n); err != nil {
			t.Errorf("ring: %v", err)
		}
	}
	if err := runtimetest.ExecFile(s.in, "test.py", voiceScript); err != nil {
		t.Fatalf("%v\n%s", err, s.log.String())
	}
	return s.out.String()
}

func TestVoiceCallOnSimModem(t *testing.T) {
	p, err := profile.Parse([]byte(voiceProfile))
	if err != nil {
		t.Fatal(err)
	}
	m := cellular.NewSimModem(p)
	if got := runVoice(t, nil, func(s *session) { cellular.SetModem(s.in.Env, m) }, m.State); got != voiceWant {
		t.Errorf("got:\n%s\nwant:\n%s", got, voiceWant)
	}
}

func TestVoiceCallOverAT(t *testing.T) {
	p, err := profile.Parse([]byte(voiceProfile))
	if err != nil {
		t.Fatal(err)
	}
	sim, err := atsim.Start(p)
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer sim.Close()
	if got := runVoice(t, map[string]string{"modem": "at:" + sim.Path()}, nil, sim.State); got != voiceWant {
		t.Errorf("got:\n%s\nwant:\n%s", got, voiceWant)
	}
	var dials []string
	for _, c := range sim.Received() {
		if strings.HasPrefix(c, "ATD") {
			dials = append(dials, c)
		}
	}
	if strings.Join(dials, " ") != "ATD+8613800000001; ATD13800000009; ATD10010;" {
		t.Errorf("dials: %q", dials)
	}
}

func TestVoiceProfileIncomingAndChecks(t *testing.T) {
	p, err := profile.Parse([]byte(`{"voice": {"incoming": [{"number": "+8613700000000", "after_ms": 50}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	defer cellular.SetVoicePoll(20 * time.Millisecond)()
	m := cellular.NewSimModem(p)
	s := newSession(t, nil)
	cellular.SetModem(s.in.Env, m)
	err = runtimetest.ExecFile(s.in, "test.py", `
import voiceCall, utime
got = []
voiceCall.setCallback(lambda a: got.append(a))
for i in range(200):
    if got:
        break
    utime.sleep_ms(10)
print(got)
`)
	if err != nil {
		t.Fatal(err, s.log.String())
	}
	if want := "[(10, 1, 1, 4, 0, 0, '+8613700000000', 145)]\n"; s.out.String() != want {
		t.Errorf("got %q, want %q", s.out.String(), want)
	}
	for _, bad := range []string{`{"voice": {"answer_ms": -2}}`, `{"voice": {"incoming": [{"number": ""}]}}`} {
		if _, err := profile.Parse([]byte(bad)); err == nil {
			t.Errorf("%s passed the profile check", bad)
		}
	}
}
