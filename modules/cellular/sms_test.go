package cellular_test

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

const smsProfile = `{"sms": {"center": "+8613800270500", "capacity": 10, "inbox": [
  {"number": "+8613911112222", "text": "hello gateway", "time": "24/05/01,08:30:00+32"},
  {"number": "10086", "text": "余额 12.5 元", "read": true}]}}`

// smsScript exercises every sms function and atcmd.sendSync; it runs
// unchanged on the in-process simulated modem and over AT on a pty.
const smsScript = `
import sms, atcmd, utime, smstest
print(sms.getMsgNums(), sms.getSaveLoc())
print(sms.searchTextMsg(0))
print(sms.searchTextMsg(1))
print(sms.searchTextMsg(5))
print(sms.sendTextMsg("+8613800000001", "temp=21.5", "GSM"))
print(sms.sendTextMsg("13800000002", "温度 21 度", "UCS2"))
print(sms.sendTextMsg("not a number", "x", "GSM"), sms.sendTextMsg("123", "x", "LATIN"))
print(sms.getCenterAddr(), sms.setCenterAddr("+8613800100500"), sms.getCenterAddr())
print(sms.setSaveLoc("SM", "SM", "SM"), sms.setSaveLoc("MT", "MT", "MT"))
got = []
def on_sms(args):
    got.append(args)
print(sms.setCallback(on_sms))
smstest.deliver()
for i in range(100):
    if got:
        break
    utime.sleep_ms(10)
print(got, sms.searchTextMsg(got[0][1])[1], sms.getMsgNums())
print(sms.deleteMsg(0), sms.getMsgNums(), sms.deleteMsg(0, 4), sms.getMsgNums())
resp = bytearray(50)
print(atcmd.sendSync("AT+CPIN?\r\n", resp, "", 5), resp)
resp = bytearray(64)
print(atcmd.sendSync("ATI\r\n", resp, "Revision", 5), resp.decode().strip("\x00").split("\r\n"))
resp = bytearray(8)
print(atcmd.sendSync("AT+CSQ\r\n", resp, "", 5), bytes(resp))
resp = bytearray(40)
print(atcmd.sendSync("AT+NOSUCH\r\n", resp, "", 5), bytes(resp).rstrip(b"\x00"))
print(atcmd.sendSync("AT+CGSN\r\n", bytearray(30), "", 0))
smstest.deliver()
utime.sleep_ms(50)
p = sms.searchPduMsg(0)
print(p[:2], sms.getPduLength(p), sms.decodePdu(p, sms.getPduLength(p)))
print(sms.sendPduMsg("+8613800000003", "pdu hello", "GSM"), sms.sendPduMsg("10086", "查询", "UCS2"))
print(sms.searchTextMsg(0)[1], sms.decodePdu("zz", 1), sms.getPduLength("0"))
`

var smsWant = `2 (['SM', 2, 10], ['SM', 2, 10], ['SM', 2, 10])
('+8613911112222', 'hello gateway', 26)
('10086', '余额 12.5 元', 18)
-1
0
0
-1 -1
+8613800270500 0 +8613800100500
0 -1
0
[[0, 2, 'SM']] from the test 3
0 2 0 0
0 bytearray(b'\r\n+CPIN: READY\r\n\n` + strings.Repeat(`\x00`, 50-17) + `')
0 ['', 'Revision: EC600NCNLER06A01M08_OCPU_QPY', '\n']
0 b'\r\n+CSQ: '
1 b'\r\nERROR\r\n'
-1
08 32 ('+8613955556666', 'from the test', '2024-05-01 09:00:00', 13)
0 0
from the test -1 -1
`

func checkSent(t *testing.T, st *profile.State) {
	t.Helper()
	sent := st.SMSSent()
	if len(sent) != 4 || sent[2] != (profile.Message{Number: "+8613800000003", Text: "pdu hello"}) ||
		sent[3] != (profile.Message{Number: "10086", Text: "查询"}) || sent[0] != (profile.Message{Number: "+8613800000001", Text: "temp=21.5"}) ||
		sent[1] != (profile.Message{Number: "13800000002", Text: "温度 21 度"}) {
		t.Errorf("sent %+v", sent)
	}
}

// deliverHook is what the script's smstest.deliver() does: a message
// arriving at the simulated card.
var deliverHook func()

func init() {
	runtime.Register(runtime.Module{Name: "smstest", Doc: "test hook", New: func(*runtime.Env) (starlark.StringDict, error) {
		return starlark.StringDict{"deliver": starlark.NewBuiltin("deliver", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			deliverHook()
			return starlark.None, nil
		})}, nil
	}})
}

func runSMSScript(t *testing.T, config map[string]string, setup func(s *session), st *profile.State) string {
	t.Helper()
	s := newSession(t, config)
	if setup != nil {
		setup(s)
	}
	deliverHook = func() { _, _ = st.DeliverSMS("+8613955556666", "from the test", "24/05/01,09:00:00+32") }
	if err := runtimetest.ExecFile(s.in, "test.py", smsScript); err != nil {
		t.Fatalf("%v\n%s", err, s.log.String())
	}
	return s.out.String()
}

func TestSMSAndATCmdOnSimModem(t *testing.T) {
	p, err := profile.Parse([]byte(smsProfile))
	if err != nil {
		t.Fatal(err)
	}
	m := cellular.NewSimModem(p)
	got := runSMSScript(t, nil, func(s *session) { cellular.SetModem(s.in.Env, m) }, m.State)
	if got != smsWant {
		t.Errorf("got:\n%s\nwant:\n%s", got, smsWant)
	}
	checkSent(t, m.State)
}

func TestSMSAndATCmdOverAT(t *testing.T) {
	p, err := profile.Parse([]byte(smsProfile))
	if err != nil {
		t.Fatal(err)
	}
	sim, err := atsim.Start(p)
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer sim.Close()
	got := runSMSScript(t, map[string]string{"modem": "at:" + sim.Path()}, nil, sim.State)
	if got != smsWant {
		t.Errorf("got:\n%s\nwant:\n%s", got, smsWant)
	}
	checkSent(t, sim.State)
	var cmgs int
	for _, c := range sim.Received() {
		if strings.HasPrefix(c, "AT+CMGS=") {
			cmgs++
		}
	}
	if cmgs != 4 {
		t.Errorf("AT+CMGS sent %d times: %q", cmgs, sim.Received())
	}
}
