// Command emulator measures the local cloud at scale beside Mosquitto:
// N OneNET devices with real tokens (product-level, signed by the
// project's auth code and checked by the emulator's HMAC) connect, then
// each posts data points in a closed loop (post, wait for the answer,
// post again) for a while. It prints connects/s, the broker's RSS (from
// /proc/PID/status: after connecting, and the peak) and messages/s.
//
//	go run ./bench/emulator -n 1000,5000,10000 [-d 10s] [-mosquitto /usr/sbin/mosquitto]
//
// -stats prints the emulator's Go memory (stacks, heap, goroutines) after
// connecting, after forced GCs, at the peak of the loop and after it;
// -profile DIR also writes heap and goroutine profiles there.
//
// Each broker runs in its own process, so its RSS is its own: the
// emulator is this program re-run with -serve, Mosquitto a private one on
// another port. On Mosquitto a device subscribes to its own post topic
// (the echo is its answer); on the emulator to .../accepted, which the
// emulator answers after parsing the post. The client side writes the
// MQTT packets itself (mochi's codec) to stay light.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/mochi-mqtt/server/v2/packets"

	"github.com/qstar-dev/qstar/emulator"
	onenet "github.com/qstar-dev/qstar/modules/auth/onenet"
)

const productID = "bench01"

// productKey is the product's access key (base64 of 32 bytes), registered
// with the emulator, so every device token's signature is checked.
var productKey = base64.StdEncoding.EncodeToString([]byte("qstar-bench-product-key-32-bytes"))

func main() {
	ns := flag.String("n", "1000,5000,10000", "device counts, comma-separated")
	dur := flag.Duration("d", 10*time.Second, "closed-loop posting time per run")
	mosq := flag.String("mosquitto", "mosquitto", "mosquitto binary (\"\" to skip)")
	serve := flag.String("serve", "", "internal: run the emulator on this address")
	devices := flag.String("devices", "", "internal: the emulator's devices file")
	debug := flag.String("debug", "", "internal: serve the emulator's memory statistics and pprof here")
	flag.StringVar(&profileDir, "profile", "", "write the emulator's Go memory statistics and heap profiles into this directory")
	flag.BoolVar(&withStats, "stats", false, "print the emulator's Go memory statistics (no profiles)")
	flag.Parse()
	raiseFileLimit()
	if *serve != "" {
		serveEmulator(*serve, *devices, *debug)
		return
	}
	fmt.Printf("| broker | devices | connects/s | RSS connected | RSS peak | msgs/s |\n|---|---|---|---|---|---|\n")
	for _, f := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			fatal("bad -n %q", f)
		}
		run("qstar emulate", n, *dur, startEmulator)
		if *mosq != "" {
			run("mosquitto", n, *dur, func() (*exec.Cmd, string) { return startMosquitto(*mosq) })
		}
	}
}

// raiseFileLimit lifts the soft fd limit to the hard one: N devices are N
// sockets here and N in the broker, which inherits the limit.
func raiseFileLimit() {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err == nil && l.Cur < l.Max {
		l.Cur = l.Max
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

func run(name string, n int, dur time.Duration, start func() (*exec.Cmd, string)) {
	cmd, addr := start()
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	waitListening(addr)
	devs := make([]*device, n)
	t0 := time.Now()
	connectAll(addr, devs, name == "mosquitto")
	connectRate := float64(n) / time.Since(t0).Seconds()
	time.Sleep(time.Second) // let the broker settle
	rssConnected := rss(cmd.Process.Pid, "VmRSS")
	probe := startProbe(name, n)
	probe.snapshot("connected")
	var answers atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, d := range devs {
		wg.Add(1)
		go func() { defer wg.Done(); d.loop(stop, &answers) }()
	}
	probe.during(dur)
	close(stop)
	got := answers.Load()
	for _, d := range devs {
		d.close()
	}
	wg.Wait()
	probe.report()
	fmt.Printf("| %s | %d | %.0f | %s | %s | %.0f |\n", name, n, connectRate, mb(rssConnected), mb(rss(cmd.Process.Pid, "VmHWM")),
		float64(got)/dur.Seconds())
}

// device is one client connection.
type device struct {
	conn net.Conn
	r    *bufio.Reader
	post []byte // the encoded PUBLISH
}

// connectAll connects the devices, a bounded number at a time, and
// subscribes each to its answer topic.
func connectAll(addr string, devs []*device, echo bool) {
	sem := make(chan struct{}, 64)
	var wg sync.WaitGroup
	for i := range devs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			devs[i] = connect(addr, fmt.Sprintf("dev%05d", i), echo)
		}()
	}
	wg.Wait()
}

func connect(addr, name string, echo bool) *device {
	creds, err := onenet.DeviceCredentials(productID, name, productKey,
		onenet.Params{ET: time.Now().Add(24 * time.Hour).Unix(), Method: "sha256"}, true, false)
	if err != nil {
		fatal("token: %v", err)
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		fatal("dial %s: %v", addr, err)
	}
	c.(*net.TCPConn).SetLinger(0) // close with RST: no TIME_WAIT pile-up between runs
	d := &device{conn: c, r: bufio.NewReaderSize(c, 512)}
	write(c, packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Connect}, ProtocolVersion: 4,
		Connect: packets.ConnectParams{ProtocolName: []byte("MQTT"), Clean: true, Keepalive: 300, ClientIdentifier: creds.ClientID,
			UsernameFlag: true, Username: []byte(creds.Username), PasswordFlag: true, Password: []byte(creds.Password)}})
	if typ, body := d.read(); typ != packets.Connack || len(body) < 2 || body[1] != 0 {
		fatal("%s: CONNACK %v", name, body)
	}
	topic := "$sys/" + productID + "/" + name + "/dp/post/json"
	answer := topic + "/accepted"
	if echo {
		answer = topic
	}
	write(c, packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Subscribe, Qos: 1}, PacketID: 1,
		Filters: packets.Subscriptions{{Filter: answer}}})
	if typ, body := d.read(); typ != packets.Suback || len(body) < 3 || body[2] > 2 {
		fatal("%s: SUBACK %v", name, body)
	}
	var buf bytes.Buffer
	pk := packets.Packet{FixedHeader: packets.FixedHeader{Type: packets.Publish}, TopicName: topic,
		Payload: []byte(`{"id":1,"dp":{"temperature":[{"v":21.5}]}}`)}
	pk.PublishEncode(&buf)
	d.post = buf.Bytes()
	return d
}

// loop posts, waits for the answer, and posts again until stop.
func (d *device) loop(stop chan struct{}, answers *atomic.Int64) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		if _, err := d.conn.Write(d.post); err != nil {
			return
		}
		for {
			typ, _ := d.read()
			if typ == 0 {
				return
			}
			if typ == packets.Publish {
				answers.Add(1)
				break
			}
		}
	}
}

func (d *device) close() { d.conn.Close() }

// read reads one packet: its type and the bytes after the fixed header
// (type 0 on error).
func (d *device) read() (byte, []byte) {
	h, err := d.r.ReadByte()
	if err != nil {
		return 0, nil
	}
	n, shift := 0, 0
	for {
		b, err := d.r.ReadByte()
		if err != nil {
			return 0, nil
		}
		n |= int(b&0x7f) << shift
		if b&0x80 == 0 {
			break
		}
		shift += 7
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(d.r, body); err != nil {
		return 0, nil
	}
	return h >> 4, body
}

func write(c net.Conn, pk packets.Packet) {
	var buf bytes.Buffer
	var err error
	switch pk.FixedHeader.Type {
	case packets.Connect:
		err = pk.ConnectEncode(&buf)
	case packets.Subscribe:
		err = pk.SubscribeEncode(&buf)
	}
	if err == nil {
		_, err = c.Write(buf.Bytes())
	}
	if err != nil {
		fatal("write: %v", err)
	}
}

// startEmulator re-runs this program as the emulator's process.
func startEmulator() (*exec.Cmd, string) {
	addr := freeAddr()
	dir, err := os.MkdirTemp("", "qstar-bench")
	if err != nil {
		fatal("%v", err)
	}
	devices := filepath.Join(dir, "devices.json")
	js, _ := json.Marshal(emulator.Devices{"onenet": {productID: productKey}})
	os.WriteFile(devices, js, 0o600)
	self, _ := os.Executable()
	args := []string{"-serve", addr, "-devices", devices}
	if profileDir != "" || withStats {
		debugAddr = freeAddr()
		args = append(args, "-debug", debugAddr)
	}
	cmd := exec.Command(self, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		fatal("%v", err)
	}
	return cmd, addr
}

func serveEmulator(addr, devicesFile, debug string) {
	if debug != "" {
		serveDebug(debug)
	}
	devices, err := emulator.LoadDevices(devicesFile)
	if err != nil {
		fatal("%v", err)
	}
	emulator.TuneGC() // as `qstar emulate` does
	e, err := emulator.Start(emulator.Options{Listen: addr, Devices: devices})
	if err != nil {
		fatal("%v", err)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	e.Close()
}

// startMosquitto runs a private Mosquitto on a free port.
func startMosquitto(bin string) (*exec.Cmd, string) {
	addr := freeAddr()
	_, port, _ := net.SplitHostPort(addr)
	dir, err := os.MkdirTemp("", "qstar-bench")
	if err != nil {
		fatal("%v", err)
	}
	conf := filepath.Join(dir, "mosquitto.conf")
	os.WriteFile(conf, []byte("listener "+port+" 127.0.0.1\nallow_anonymous true\nmax_connections -1\npersistence false\nlog_type error\n"), 0o600)
	cmd := exec.Command(bin, "-c", conf)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		fatal("mosquitto: %v (install it, or pass -mosquitto \"\")", err)
	}
	return cmd, addr
}

func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fatal("%v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

func waitListening(addr string) {
	for i := 0; i < 100; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	fatal("nothing listens on %s", addr)
}

// rss reads a VmRSS/VmHWM line of /proc/PID/status, in kB.
func rss(pid int, field string) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return kb
		}
	}
	return 0
}

func mb(kb int) string { return fmt.Sprintf("%.0f MB", float64(kb)/1024) }

func fatal(f string, a ...any) {
	fmt.Fprintf(os.Stderr, "bench/emulator: "+f+"\n", a...)
	os.Exit(1)
}
