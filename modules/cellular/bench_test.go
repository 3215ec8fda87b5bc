package cellular_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
)

// benchCalls runs sim.getStatus() and dataCall.getInfo(1, 2) from a script
// b.N times: one round trip each through the module, the lock release and
// the backend (for AT: serial write, pty, simulator, framing, parsing).
func benchCalls(b *testing.B, config map[string]string, m cellular.Modem) {
	env := runtime.NewEnv()
	for k, v := range config {
		env.Config[k] = v
	}
	env.Config["modem_iface"] = "none"
	in := runtime.New(env)
	defer in.Close()
	if m != nil {
		cellular.SetModem(env, m)
	}
	in.Lock()
	defer in.Unlock()
	th := in.NewThread("bench")
	defer in.Done(th)
	g, err := in.ExecFile(th, "b.star", []byte(`load("sim", "sim")
load("dataCall", "dataCall")
def status():
    return sim.getStatus()
def info():
    return dataCall.getInfo(1, 2)
status()
`))
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"status", "info"} {
		fn := g[name]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := starlarkCall(th, fn); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSimBackend(b *testing.B) {
	benchCalls(b, nil, cellular.NewSimModem(profile.Default()))
}

func BenchmarkATBackendOverPTY(b *testing.B) {
	sim, err := startSimB(profile.Default())
	if err != nil {
		b.Fatal(err)
	}
	defer sim.Close()
	benchCalls(b, map[string]string{"modem": "at:" + sim.Path()}, nil)
}
