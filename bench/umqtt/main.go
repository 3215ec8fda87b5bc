// Command umqtt measures qstar's umqtt against plain Go paho, the same
// work without an interpreter: a QoS 0 and a QoS 1 publish loop (64-byte
// payloads) and a publish→callback round trip, printed as one table.
//
//	go run ./bench/umqtt                         # embedded mochi broker
//	go run ./bench/umqtt -broker 127.0.0.1:1883  # e.g. Mosquitto
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"runtime/pprof"
	"sort"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/listeners"
	"github.com/mochi-mqtt/server/v2/packets"
	"go.starlark.net/starlark"

	_ "github.com/qstar-dev/qstar/modules/umqtt"
	"github.com/qstar-dev/qstar/runtime"
)

var (
	brokerFlag = flag.String("broker", "", "broker host:port (default: an embedded mochi-mqtt broker)")
	n0         = flag.Int("qos0", 20000, "QoS 0 publishes per run")
	n1         = flag.Int("qos1", 3000, "QoS 1 publishes per run")
	nrt        = flag.Int("rt", 3000, "round trips per run")
	runs       = flag.Int("runs", 5, "runs per measurement, alternating which side goes first; medians reported")
	cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the script-side runs here")
)

var payload = string(make([]byte, 64))

func main() {
	flag.Parse()
	addr := *brokerFlag
	if addr == "" {
		addr = startMochi()
	}
	host, port, err := net.SplitHostPort(addr)
	check(err)

	g := newGoSide(addr)
	s := newScriptSide(host, port)
	defer s.close()

	type row struct {
		name       string
		goV, scV   float64
		unit       string
		higherWins bool
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	// Runs alternate which side goes first, and medians are reported:
	// the machine is shared, so single runs are noisy.
	var g0, s0, g1, s1 []float64
	var goRT, scRT []time.Duration
	for i := 0; i < *runs; i++ {
		first, second := func() { g0 = append(g0, g.publish(0, *n0)) }, func() { s0 = append(s0, s.publish(0, *n0)) }
		third, fourth := func() { g1 = append(g1, g.publish(1, *n1)) }, func() { s1 = append(s1, s.publish(1, *n1)) }
		fifth, sixth := func() { goRT = append(goRT, g.roundTrips(*nrt)...) }, func() { scRT = append(scRT, s.roundTrips(*nrt)...) }
		if i%2 == 1 {
			first, second, third, fourth, fifth, sixth = second, first, fourth, third, sixth, fifth
		}
		first()
		second()
		third()
		fourth()
		fifth()
		sixth()
	}
	rows := []row{
		{"publish QoS 0, 64 B", median(g0), median(s0), "msg/s", true},
		{"publish QoS 1, 64 B", median(g1), median(s1), "msg/s", true},
		{"round trip p50", us(pct(goRT, 50)), us(pct(scRT, 50)), "µs", false},
		{"round trip p99", us(pct(goRT, 99)), us(pct(scRT, 99)), "µs", false},
	}

	broker := "embedded mochi-mqtt"
	if *brokerFlag != "" {
		broker = *brokerFlag
	}
	fmt.Printf("umqtt vs plain Go paho (broker: %s, median of %d runs; QoS 0 n=%d, QoS 1 n=%d, round trips n=%d per run)\n\n", broker, *runs, *n0, *n1, *nrt)
	fmt.Printf("| %-22s | %14s | %14s | %-22s |\n", "measure", "plain Go paho", "qstar script", "script / plain")
	fmt.Printf("|%s|%s|%s|%s|\n", dashes(24), dashes(16), dashes(16), dashes(24))
	for _, r := range rows {
		ratio := r.scV / r.goV
		note := "× plain msg/s"
		if !r.higherWins {
			note = "× plain latency"
		}
		fmt.Printf("| %-22s | %8.0f %-5s | %8.0f %-5s | %5.2f %-16s |\n", r.name, r.goV, r.unit, r.scV, r.unit, ratio, note)
	}
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func dashes(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '-'
	}
	return string(b)
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

func pct(ds []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)*p/100]
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func startMochi() string {
	srv := mqtt.New(&mqtt.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	check(srv.AddHook(&allow{}, nil))
	l := listeners.NewTCP(listeners.Config{ID: "bench", Address: "127.0.0.1:0"})
	check(srv.AddListener(l))
	go srv.Serve()
	return l.Address()
}

type allow struct{ mqtt.HookBase }

func (allow) ID() string { return "allow" }
func (allow) Provides(b byte) bool {
	return b == mqtt.OnConnectAuthenticate || b == mqtt.OnACLCheck
}
func (allow) OnConnectAuthenticate(*mqtt.Client, packets.Packet) bool { return true }
func (allow) OnACLCheck(*mqtt.Client, string, bool) bool              { return true }

// goSide is the no-interpreter limit: paho used directly, waiting on each
// token the way umqtt does.
type goSide struct {
	c  paho.Client
	rt chan struct{}
}

func newGoSide(addr string) *goSide {
	g := &goSide{rt: make(chan struct{}, 1)}
	o := paho.NewClientOptions().AddBroker("tcp://" + addr).SetClientID("bench-go").SetOrderMatters(true)
	g.c = paho.NewClient(o)
	tok := g.c.Connect()
	if !tok.WaitTimeout(10 * time.Second) {
		log.Fatal("go client: connect timeout")
	}
	check(tok.Error())
	tok = g.c.Subscribe("bench/go/rt", 0, func(paho.Client, paho.Message) { g.rt <- struct{}{} })
	if !tok.WaitTimeout(10 * time.Second) {
		log.Fatal("go client: subscribe timeout")
	}
	return g
}

func (g *goSide) publish(qos byte, n int) float64 {
	start := time.Now()
	for i := 0; i < n; i++ {
		tok := g.c.Publish("bench/go/pub", qos, false, payload)
		if !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
			log.Fatalf("go publish failed: %v", tok.Error())
		}
	}
	return float64(n) / time.Since(start).Seconds()
}

func (g *goSide) roundTrips(n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		t0 := time.Now()
		tok := g.c.Publish("bench/go/rt", 0, false, payload)
		if !tok.WaitTimeout(5 * time.Second) {
			log.Fatal("go publish timeout")
		}
		<-g.rt
		out[i] = time.Since(t0)
	}
	return out
}

// scriptSide runs the same loops as Starlark functions through umqtt.
type scriptSide struct {
	in      *runtime.Interp
	globals starlark.StringDict
}

const benchScript = `load("umqtt", "MQTTClient")
PAYLOAD = "\x00" * 64
c = MQTTClient("bench-script", HOST, PORT)
c.connect()
got = []
def cb(topic, msg):
    got.append(1)
c.set_callback(cb)
c.subscribe("bench/s/rt")

def publish_loop(n, qos):
    for i in range(n):
        if not c.publish("bench/s/pub", PAYLOAD, False, qos):
            fail("publish failed")

def round_trips(n, clock):
    times = []
    for i in range(n):
        t0 = clock()
        c.publish("bench/s/rt", PAYLOAD)
        c.wait_msg()
        times.append(clock() - t0)
    return times
`

func newScriptSide(host, port string) *scriptSide {
	env := runtime.NewEnv()
	env.Stdout = os.Stdout
	in := runtime.New(env)
	src := fmt.Sprintf("HOST = %q\nPORT = %s\n%s", host, port, benchScript)
	in.Lock()
	defer in.Unlock()
	th := in.NewThread("bench")
	defer in.Done(th)
	g, err := in.ExecFile(th, "bench.star", []byte(src))
	if err != nil {
		log.Fatal(in.FormatError(err))
	}
	return &scriptSide{in: in, globals: g}
}

func (s *scriptSide) call(name string, args ...starlark.Value) starlark.Value {
	s.in.Lock()
	defer s.in.Unlock()
	th := s.in.NewThread(name)
	defer s.in.Done(th)
	v, err := starlark.Call(th, s.globals[name], args, nil)
	if err != nil {
		log.Fatal(s.in.FormatError(err))
	}
	return v
}

func (s *scriptSide) publish(qos, n int) float64 {
	start := time.Now()
	s.call("publish_loop", starlark.MakeInt(n), starlark.MakeInt(qos))
	return float64(n) / time.Since(start).Seconds()
}

var epoch = time.Now()

// clock is the script's timer: nanoseconds since start.
var clock = starlark.NewBuiltin("clock", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return starlark.MakeInt64(int64(time.Since(epoch))), nil
})

func (s *scriptSide) roundTrips(n int) []time.Duration {
	v := s.call("round_trips", starlark.MakeInt(n), clock).(*starlark.List)
	out := make([]time.Duration, v.Len())
	for i := range out {
		ns, _ := starlark.AsInt32(v.Index(i))
		out[i] = time.Duration(ns)
	}
	return out
}

func (s *scriptSide) close() { s.in.Close() }
