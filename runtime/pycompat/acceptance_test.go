package pycompat

import (
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// TestAcceptanceOneNETToken runs the OneNET token generator from the
// vendor doc (seed 003) and requires CPython's exact output.
func TestAcceptanceOneNETToken(t *testing.T) {
	src, err := os.ReadFile("../../scripts/onenet_token.py") // the sample users run
	if err != nil {
		t.Fatal(err)
	}
	r := runPy(t, "onenet_token.py", string(src))
	if r.err != nil {
		t.Fatalf("run: %v", r.err)
	}
	if !strings.HasPrefix(r.out, "version=2018-10-31&res=products%2F469948%2Fdevices%2FChic_D&et=1736000000&method=sha1&sign=") {
		t.Errorf("token = %q", r.out)
	}
	want, _ := runCPython(t, string(src))
	if r.out != want {
		t.Errorf("qstar: %q\nCPython: %q", r.out, want)
	}
}

// TestAcceptanceCallbacks: global state set in a callback, try/except
// around failing calls, while True with break, bytes.decode and
// '{:.2f}'.format, checked against CPython.
func TestAcceptanceCallbacks(t *testing.T) {
	src, err := os.ReadFile("../../scripts/device_loop.py")
	if err != nil {
		t.Fatal(err)
	}
	r := runPy(t, "device_loop.py", string(src))
	if r.err != nil {
		t.Fatalf("run: %v", r.err)
	}
	for _, line := range []string{"!!!,e=bad credentials", "skip 2 sensor timeout", "reading 3: 23.77", "Recv: Topic=$sys/469948/dev/dp/post/json/accepted,Msg={\"id\": 123}", "state 1"} {
		if !strings.Contains(r.out, line) {
			t.Errorf("output lacks %q:\n%s", line, r.out)
		}
	}
	want, _ := runCPython(t, string(src))
	if r.out != want {
		t.Errorf("qstar:\n%s\nCPython:\n%s", r.out, want)
	}
}

// fakeMQTT is a stand-in umqtt.MQTTClient: wait_msg delivers the last
// published payload on the first subscribed topic ('+' -> 'accepted').
type fakeMQTT struct {
	calls    []string
	cb       starlark.Value
	subs     []string
	lastPub  string
	failConn bool
}

func (f *fakeMQTT) module() starlark.Value {
	method := func(name string, fn func(th *starlark.Thread, args starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			f.calls = append(f.calls, name)
			return fn(th, args)
		})
	}
	str := func(v starlark.Value) string {
		switch x := v.(type) {
		case starlark.Bytes:
			return string(x)
		case starlark.String:
			return string(x)
		}
		return v.String()
	}
	client := starlark.NewBuiltin("MQTTClient", func(_ *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		f.calls = append(f.calls, "MQTTClient")
		none := func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) { return starlark.None, nil }
		return starlarkstruct.FromStringDict(starlarkstruct.Default, starlark.StringDict{
			"set_callback": method("set_callback", func(_ *starlark.Thread, a starlark.Tuple) (starlark.Value, error) {
				f.cb = a[0]
				return starlark.None, nil
			}),
			"connect": method("connect", func(*starlark.Thread, starlark.Tuple) (starlark.Value, error) {
				if f.failConn {
					return nil, exc.New("MQTTException", "connect failed")
				}
				return starlark.MakeInt(0), nil
			}),
			"subscribe": method("subscribe", func(_ *starlark.Thread, a starlark.Tuple) (starlark.Value, error) {
				f.subs = append(f.subs, str(a[0]))
				return starlark.MakeInt(0), nil
			}),
			"publish": method("publish", func(_ *starlark.Thread, a starlark.Tuple) (starlark.Value, error) {
				f.lastPub = str(a[1])
				return starlark.MakeInt(0), nil
			}),
			"wait_msg": method("wait_msg", func(th *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
				topic := strings.ReplaceAll(f.subs[0], "+", "accepted")
				return starlark.Call(th, f.cb, starlark.Tuple{starlark.Bytes(topic), starlark.Bytes(f.lastPub)}, nil)
			}),
			"disconnect": method("disconnect", none),
		}), nil
	})
	return &starlarkstruct.Module{Name: "umqtt", Members: starlark.StringDict{"MQTTClient": client}}
}

// TestSeedMQTTSamples runs the vendor MQTT samples (seeds 003 and 004, the
// latter tab-indented exactly as published) against a fake MQTTClient.
func TestSeedMQTTSamples(t *testing.T) {
	for _, tc := range []struct {
		file, topic, payloadStart string
	}{
		{"seed003_onenet_mqtt.py", "$sys/469948/Chic_D/dp/post/json/accepted", "\n{\n\"id\": 123,"},
		{"seed004_huawei.py", "$oc/devices/5fbbb784b4ec2202e982e643_868540050954037/sys/messages/down", "{\n\n\t\t\"services\""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile("../../testdata/vendor/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			fake := &fakeMQTT{}
			r := runPyWith(t, tc.file, string(src), map[string]starlark.Value{"umqtt": fake.module()})
			if r.err != nil {
				t.Fatalf("run: %v", r.err)
			}
			want := "Subscribe Recv: Topic=" + tc.topic + ",Msg=" + tc.payloadStart
			if !strings.Contains(r.out, want) {
				t.Errorf("output %q lacks %q", r.out, want)
			}
			if got := strings.Join(fake.calls, " "); got != "MQTTClient set_callback connect subscribe publish wait_msg disconnect" {
				t.Errorf("calls = %s", got)
			}
		})
	}
	t.Run("connect fails", func(t *testing.T) {
		src, _ := os.ReadFile("../../testdata/vendor/seed003_onenet_mqtt.py")
		fake := &fakeMQTT{failConn: true}
		r := runPyWith(t, "seed003", string(src), map[string]starlark.Value{"umqtt": fake.module()})
		if r.err != nil {
			t.Fatalf("run: %v", r.err)
		}
		if r.out != "!!!,e=connect failed\n" {
			t.Errorf("out = %q", r.out)
		}
	})
}
