package sysbus_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/utime"
	_ "github.com/qstar-dev/qstar/modules/sysbus"
)

func run(t *testing.T, src string) string {
	t.Helper()
	in, out := runtimetest.NewInterp(t, nil)
	if err := runtimetest.Exec(in, "test.py", src); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	return out.String()
}

func TestPublishOrderAndTopics(t *testing.T) {
	got := run(t, `
import sys_bus
import utime
log = []
def a(topic, msg):
    log.append(("a", topic, msg))
def b(topic, msg):
    log.append(("b", topic, msg))
sys_bus.subscribe("net", a)
sys_bus.subscribe("net", b)
sys_bus.subscribe(7, a)
print(sys_bus.publish("net", {"up": 1}))
sys_bus.publish(7, "seven")
sys_bus.publish("nobody", 1)
sys_bus.publish("net", [2])
print(len(log))      # handlers run later, on the bus's worker
utime.sleep_ms(50)
print(log)
table = sys_bus.sub_table()
print(sorted([str(k) for k in table.keys()]), len(sys_bus.sub_table("net")))
sys_bus.unsubscribe("net", a)
print(len(sys_bus.sub_table("net")))
sys_bus.unsubscribe("net")
print("net" in sys_bus.sub_table())
for call in (lambda: sys_bus.unsubscribe("net"), lambda: sys_bus.sub_table("net")):
    try:
        call()
    except KeyError as e:
        print("KeyError", e)
try:
    sys_bus.unsubscribe(7, b)
except ValueError as e:
    print("ValueError")
`)
	want := `None
0
[('a', 'net', {'up': 1}), ('b', 'net', {'up': 1}), ('a', 7, 'seven'), ('a', 'net', [2]), ('b', 'net', [2])]
['7', 'net'] 2
1
False
KeyError 'net'
KeyError 'net'
ValueError
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestHandlersInClassesAndSync(t *testing.T) {
	got := run(t, `
import sys_bus
class Media:
    def __init__(self):
        self.volume = 0
        sys_bus.subscribe("set_volume", self.set_volume)
    def set_volume(self, topic, msg):
        self.volume = msg["v"]
m = Media()
sys_bus.publish_sync("set_volume", {"v": 7})
print(m.volume)
sys_bus.unsubscribe("set_volume", m.set_volume)
print(len(sys_bus.sub_table("set_volume")))
sys_bus.subscribe("view", lambda topic, kwargs: print("load", topic, kwargs["name"]))
sys_bus.publish("view", {"name": "alarms"})
def chained(topic, msg):
    if msg < 3:
        sys_bus.publish("chain", msg + 1)
    print("chain", msg)
sys_bus.subscribe("chain", chained)
sys_bus.publish("chain", 0)
`)
	want := "7\n0\nload view alarms\nchain 0\nchain 1\nchain 2\nchain 3\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRaisingHandlerOthersRun(t *testing.T) {
	got := run(t, `
import sys_bus
def bad(topic, msg):
    raise ValueError("bad handler")
def good(topic, msg):
    print("good", msg)
sys_bus.subscribe("t", bad)
sys_bus.subscribe("t", good)
sys_bus.publish("t", 1)
sys_bus.publish_sync("t", 2)
`)
	if strings.Count(got, "ValueError: bad handler") != 2 || !strings.Contains(got, "good 1") || !strings.Contains(got, "good 2") {
		t.Errorf("got:\n%s", got)
	}
}
