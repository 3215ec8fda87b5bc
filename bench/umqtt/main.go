// Command umqtt measures qstar's umqtt, on each transport, against plain
// Go paho and against the floor (a Go client with no MQTT library, raw
// socket and hand-built packets), in one run: QoS 1 stop-and-wait and
// QoS 0 publish loops (64-byte payloads), the publish→callback round
// trip, and start-up (process start to the first QoS 1 publish
// acknowledged) with RSS at that point. It prints one table and the
// ratios against the goals.
//
//	go run ./bench/umqtt                         # embedded mochi broker
//	go run ./bench/umqtt -broker 127.0.0.1:1883  # e.g. Mosquitto
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
	mqtt "github.com/mochi-mqtt/server/v2"
	"github.com/mochi-mqtt/server/v2/listeners"
	"github.com/mochi-mqtt/server/v2/packets"
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/bench/umqtt/raw"
	_ "github.com/qstar-dev/qstar/modules/umqtt"
	"github.com/qstar-dev/qstar/runtime"
)

var (
	brokerFlag = flag.String("broker", "", "broker host:port (default: an embedded mochi-mqtt broker)")
	n0         = flag.Int("qos0", 20000, "QoS 0 publishes per run")
	n1         = flag.Int("qos1", 3000, "QoS 1 publishes per run")
	nrt        = flag.Int("rt", 3000, "round trips per run")
	runs       = flag.Int("runs", 9, "runs per measurement, rotating which side goes first; medians reported")
	starts     = flag.Int("starts", 21, "process starts per side for start-up and RSS")
	cpuProfile = flag.String("cpuprofile", "", "write CPU profiles of the lean script's runs to FILE.1, FILE.2 ... (go tool pprof -top FILE.*)")
)

var payload = string(make([]byte, 64))

// side is one client under test.
type side interface {
	// publish sends n messages and returns msg/s; a QoS 0 run ends with
	// one QoS 1 publish, so it counts until the broker has read them all
	// (not until they fill the socket buffer) and the next run starts
	// with no backlog at the broker.
	publish(qos byte, n int) float64
	roundTrips(n int) []time.Duration
}

// The columns, in table order.
const (
	colFloor = iota
	colPaho
	colScriptPaho
	colScriptLean
	nCols
)

var colNames = [nCols]string{"floor (no library)", "plain Go paho", "script, paho", "script, lean"}

func main() {
	flag.Parse()
	addr := *brokerFlag
	if addr == "" {
		addr = startMochi()
	}
	host, port, err := net.SplitHostPort(addr)
	check(err)

	sides := [nCols]side{newFloorSide(addr), newGoSide(addr), newScriptSide(host, port, "paho"), newScriptSide(host, port, "lean")}
	// Runs rotate which side goes first, and medians are reported: the
	// machine is shared, so single runs are noisy.
	var q0, q1 [nCols][]float64
	var rt [nCols][]time.Duration
	for i := 0; i < *runs; i++ {
		for j := 0; j < nCols; j++ {
			k := (i + j) % nCols
			stop := profile(k, i)
			q0[k] = append(q0[k], sides[k].publish(0, *n0))
			q1[k] = append(q1[k], sides[k].publish(1, *n1))
			rt[k] = append(rt[k], sides[k].roundTrips(*nrt)...)
			stop()
		}
	}
	start, rss := startups(host, port)

	broker := "embedded mochi-mqtt"
	if *brokerFlag != "" {
		broker = *brokerFlag
	}
	fmt.Printf("umqtt (broker: %s; median of %d runs, QoS 0 n=%d, QoS 1 n=%d, round trips n=%d per run; %d starts per side)\n\n",
		broker, *runs, *n0, *n1, *nrt, *starts)
	type row struct {
		name string
		unit string
		v    [nCols]float64
	}
	var rows []row
	add := func(name, unit string, f func(k int) float64) {
		r := row{name: name, unit: unit}
		for k := range r.v {
			r.v[k] = f(k)
		}
		rows = append(rows, r)
	}
	add("QoS 1 stop-and-wait", "msg/s", func(k int) float64 { return median(q1[k]) })
	add("QoS 0", "msg/s", func(k int) float64 { return median(q0[k]) })
	add("round trip p50", "µs", func(k int) float64 { return us(pct(rt[k], 50)) })
	add("round trip p99", "µs", func(k int) float64 { return us(pct(rt[k], 99)) })
	add("start to first PUBACK", "ms", func(k int) float64 { return ms(start[k]) })
	add("RSS at hello", "MB", func(k int) float64 { return float64(rss[k]) / 1024 })

	fmt.Printf("| %-22s |", "measure")
	for _, n := range colNames {
		fmt.Printf(" %18s |", n)
	}
	fmt.Printf("\n|%s|", dashes(24))
	for range colNames {
		fmt.Printf("%s:|", dashes(19))
	}
	fmt.Println()
	for _, r := range rows {
		fmt.Printf("| %-22s |", r.name)
		for _, v := range r.v {
			fmt.Printf(" %18s |", format(v, r.unit))
		}
		fmt.Println()
	}

	// The goals (issue 11), as ratios of the script to the named column.
	type goal struct {
		name    string
		row     int
		vs      int
		limit   float64
		atLeast bool
	}
	goals := []goal{
		{"QoS 1 ≥ 0.95× floor", 0, colFloor, 0.95, true},
		{"QoS 0 ≥ 1.0× plain paho", 1, colPaho, 1.0, true},
		{"round trip p50 ≤ 1.5× floor", 2, colFloor, 1.5, false},
		{"start ≤ 1.5× floor", 4, colFloor, 1.5, false},
		{"RSS at hello ≤ 1.2× plain paho", 5, colPaho, 1.2, false},
	}
	fmt.Printf("\n| %-30s | %14s | %14s |\n|%s|%s:|%s:|\n", "goal", "script, paho", "script, lean", dashes(32), dashes(15), dashes(15))
	for _, g := range goals {
		fmt.Printf("| %-30s |", g.name)
		for _, k := range []int{colScriptPaho, colScriptLean} {
			ratio := rows[g.row].v[k] / rows[g.row].v[g.vs]
			met := ratio <= g.limit
			if g.atLeast {
				met = ratio >= g.limit
			}
			mark := "met"
			if !met {
				mark = "MISSED"
			}
			fmt.Printf(" %5.2f× %-7s |", ratio, mark)
		}
		fmt.Println()
	}
}

// profile starts a CPU profile of run i if it is the lean script's; the
// result stops it.
func profile(k, i int) func() {
	if k != colScriptLean || *cpuProfile == "" {
		return func() {}
	}
	f, err := os.Create(fmt.Sprintf("%s.%d", *cpuProfile, i+1))
	check(err)
	check(pprof.StartCPUProfile(f))
	return func() {
		pprof.StopCPUProfile()
		check(f.Close())
	}
}

func format(v float64, unit string) string {
	switch unit {
	case "ms", "MB":
		return fmt.Sprintf("%.1f %s", v, unit)
	}
	return fmt.Sprintf("%.0f %s", v, unit)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

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

// goSide is paho used directly, waiting on each token the way umqtt does.
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
		g.publishOne(qos)
	}
	if qos == 0 {
		g.publishOne(1)
	}
	return float64(n) / time.Since(start).Seconds()
}

func (g *goSide) publishOne(qos byte) {
	tok := g.c.Publish("bench/go/pub", qos, false, payload)
	if !tok.WaitTimeout(5*time.Second) || tok.Error() != nil {
		log.Fatalf("go publish failed: %v", tok.Error())
	}
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
c = MQTTClient("bench-script-" + TRANSPORT, HOST, PORT)
c.connect()
got = []
def cb(topic, msg):
    got.append(1)
c.set_callback(cb)
RT = "bench/s/rt/" + TRANSPORT
c.subscribe(RT)

def publish_loop(n, qos):
    for i in range(n):
        if not c.publish("bench/s/pub", PAYLOAD, False, qos):
            fail("publish failed")
    if qos == 0 and not c.publish("bench/s/pub", PAYLOAD, False, 1):
        fail("sync publish failed")

def round_trips(n, clock):
    times = []
    for i in range(n):
        t0 = clock()
        c.publish(RT, PAYLOAD)
        c.wait_msg()
        times.append(clock() - t0)
    return times
`

// newScriptSide runs the script on the named transport (the variable is
// read when MQTTClient is made).
func newScriptSide(host, port, transport string) *scriptSide {
	check(os.Setenv("QSTAR_UMQTT_TRANSPORT", transport))
	defer os.Unsetenv("QSTAR_UMQTT_TRANSPORT")
	env := runtime.NewEnv()
	env.Stdout = os.Stdout
	in := runtime.New(env)
	src := fmt.Sprintf("HOST = %q\nPORT = %s\nTRANSPORT = %q\n%s", host, port, transport, benchScript)
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

func (s *scriptSide) publish(qos byte, n int) float64 {
	start := time.Now()
	s.call("publish_loop", starlark.MakeInt(n), starlark.MakeInt(int(qos)))
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

// floorSide is the raw client: each publish one write, each wait a read
// on the same goroutine.
type floorSide struct{ c *raw.Client }

func newFloorSide(addr string) *floorSide {
	c, err := raw.Dial(addr, "bench-floor")
	check(err)
	check(c.Subscribe("bench/floor/rt"))
	return &floorSide{c}
}

func (f *floorSide) publish(qos byte, n int) float64 {
	p := []byte(payload)
	start := time.Now()
	for i := 0; i < n; i++ {
		check(f.c.Publish("bench/floor/pub", p, qos))
	}
	if qos == 0 {
		check(f.c.Publish("bench/floor/pub", p, 1))
	}
	return float64(n) / time.Since(start).Seconds()
}

func (f *floorSide) roundTrips(n int) []time.Duration {
	p := []byte(payload)
	out := make([]time.Duration, n)
	for i := range out {
		t0 := time.Now()
		check(f.c.Publish("bench/floor/rt", p, 0))
		_, err := f.c.NextPublish()
		check(err)
		out[i] = time.Since(t0)
	}
	return out
}

const helloScript = `from umqtt import MQTTClient
import utime
c = MQTTClient("bench-hello-script", HOST, PORT)
c.connect()
c.publish("bench/hello", "hello", qos=1)
print("hello")
utime.sleep(3600)
`

// startups builds the floor, plain paho and qstar (static, as shipped),
// starts each *starts times and returns the median time from exec to
// "hello" (connected, one QoS 1 publish acknowledged) and RSS then (KB).
func startups(host, port string) (start [nCols]time.Duration, rss [nCols]int64) {
	dir, err := os.MkdirTemp("", "bench-umqtt")
	check(err)
	defer os.RemoveAll(dir)
	build := func(name, pkg string) string {
		out := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		cmd.Dir = moduleDir()
		cmd.Stderr = os.Stderr
		check(cmd.Run())
		return out
	}
	floor := build("floor", "./bench/umqtt/hello/floor")
	plain := build("paho", "./bench/umqtt/hello/paho")
	qstar := build("qstar", "./cmd/qstar")
	script := filepath.Join(dir, "hello.py")
	src := fmt.Sprintf("HOST = %q\nPORT = %s\n%s", host, port, helloScript)
	check(os.WriteFile(script, []byte(src), 0o644))
	addr := net.JoinHostPort(host, port)
	cmds := [nCols]func() *exec.Cmd{
		func() *exec.Cmd { return exec.Command(floor, addr) },
		func() *exec.Cmd { return exec.Command(plain, addr) },
		func() *exec.Cmd { return scriptCmd(qstar, script, "paho") },
		func() *exec.Cmd { return scriptCmd(qstar, script, "lean") },
	}
	var ts [nCols][]time.Duration
	var rs [nCols][]float64
	for i := 0; i < *starts; i++ {
		for j := 0; j < nCols; j++ {
			k := (i + j) % nCols
			d, r := startOnce(cmds[k]())
			ts[k] = append(ts[k], d)
			rs[k] = append(rs[k], float64(r))
		}
	}
	for k := range start {
		start[k] = pct(ts[k], 50)
		rss[k] = int64(median(rs[k]))
	}
	return start, rss
}

func scriptCmd(qstar, script, transport string) *exec.Cmd {
	cmd := exec.Command(qstar, "run", script)
	cmd.Env = append(os.Environ(), "QSTAR_UMQTT_TRANSPORT="+transport)
	return cmd
}

func moduleDir() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	check(err)
	return strings.TrimSpace(string(out))
}

// startOnce runs cmd until it prints hello, reads its RSS, and kills it.
func startOnce(cmd *exec.Cmd) (time.Duration, int64) {
	var errb bytes.Buffer
	cmd.Stderr = &errb
	out, err := cmd.StdoutPipe()
	check(err)
	t0 := time.Now()
	check(cmd.Start())
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	d := time.Since(t0)
	if err != nil || strings.TrimSpace(line) != "hello" {
		log.Fatalf("%s: got %q (%v)\n%s", cmd.Path, line, err, errb.String())
	}
	return d, rssKB(cmd.Process.Pid)
}

// rssKB reads VmRSS from /proc.
func rssKB(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	check(err)
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			n, err := strconv.ParseInt(f[1], 10, 64)
			check(err)
			return n
		}
	}
	log.Fatalf("no VmRSS for %d", pid)
	return 0
}
