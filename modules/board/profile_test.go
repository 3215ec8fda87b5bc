package board

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProfileErrorsNameTheirPlace(t *testing.T) {
	cases := []struct{ json, want string }{
		{"{\n  \"pins\": [\n    {\"gpio\": 1 \"level\": 1}\n  ]\n}", "3:16: invalid character '\"' after object key:value pair"},
		{"{\"vbatt_mv\": true}", "1:18: vbatt_mv: want a number, not a JSON bool"},
		{"{\"usb\": 2}", "usb 2: want 0 or 1"},
		{"{\"pinz\": []}", "unknown field \"pinz\""},
		{"{\"pins\": [{\"gpio\": 99}]}", "pins: gpio 99 level 0: want gpio 1..47"},
		{"{\"i2c\": [{\"bus\": 1, \"addr\": \"0x1b\"}, {\"bus\": 1, \"addr\": 27}]}", "i2c bus 1 addr 0x1b listed twice"},
		{"{\"i2c\": [{\"bus\": 1, \"addr\": \"zz\"}]}", "\"zz\" is not a number"},
		{"{\"i2c\": [{\"bus\": 1, \"addr\": 3}]}", "want a 7-bit address 0x08..0x77"},
		{"{\"i2c\": [{\"bus\": 1, \"addr\": 64, \"regs\": {\"0x10\": 300}}]}", "register value 300: want 0..255"},
		{"{\"uart\": [{\"port\": 2, \"loopback\": true, \"peer\": [{\"expect\": \"a\"}]}]}", "uart port 2: loopback or peer, not both"},
		{"{\"uart\": [{\"port\": 9}]}", "uart port 9: want 0..4"},
		{"{", "1:2: unexpected EOF"},
	}
	for _, c := range cases {
		_, err := ParseProfile([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant %q", c.json, err, c.want)
		}
	}
	path := filepath.Join(t.TempDir(), "b.json")
	os.WriteFile(path, []byte("{\"vbatt_mv\": -1}"), 0o644)
	if err := Check("sim:" + path); err == nil || !strings.HasPrefix(err.Error(), path+": vbatt_mv -1") {
		t.Errorf("Check: %v", err)
	}
	if err := Check("sim:" + path + ".missing"); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Check missing: %v", err)
	}
	if err := Check("rpi"); err == nil || !strings.Contains(err.Error(), `unknown kind "rpi"; want linux[:map.json] or sim[:profile.json]`) {
		t.Errorf("Check kind: %v", err)
	}
	for _, ok := range []string{"", "sim", "linux"} {
		if err := Check(ok); err != nil {
			t.Errorf("Check(%q): %v", ok, err)
		}
	}
}

func mustSim(t *testing.T, js string) *Sim {
	t.Helper()
	p, err := ParseProfile([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return NewSim(p)
}

func TestSimPinsAndWires(t *testing.T) {
	s := mustSim(t, `{"wires": [{"from": 1, "to": 2}, {"from": 1, "to": 3}], "pins": [{"gpio": 4, "level": 1}]}`)
	out, _ := s.Pin(1)
	in2, _ := s.Pin(2)
	in3, _ := s.Pin(3)
	out.Configure(Out, PullNone, 0)
	in2.Configure(In, PullUp, 0)
	var edges []int
	stop, _ := in3.Watch(Both, PullNone, func(l int) { edges = append(edges, l) })
	out.Write(1)
	out.Write(1) // no change, no edge
	out.Write(0)
	if v, _ := in2.Read(); v != 0 {
		t.Errorf("wired input reads %d, want 0", v)
	}
	stop()
	out.Write(1)
	if len(edges) != 2 || edges[0] != 1 || edges[1] != 0 {
		t.Errorf("edges %v, want [1 0]", edges)
	}
	if s.Level(4) != 1 || s.Level(5) != 0 {
		t.Errorf("levels 4=%d 5=%d", s.Level(4), s.Level(5))
	}
	in5, _ := s.Pin(5)
	var rising []int
	in5.Watch(Rising, PullDown, func(l int) { rising = append(rising, l) })
	s.Drive(5, 1)
	s.Drive(5, 0)
	s.Drive(5, 1)
	if len(rising) != 2 {
		t.Errorf("rising edges %v", rising)
	}
	if _, err := s.Pin(48); !errors.Is(err, ErrNoDevice) {
		t.Errorf("Pin(48): %v", err)
	}
}

func TestSimI2CAndUART(t *testing.T) {
	s := mustSim(t, `{"i2c": [{"bus": 0, "addr": "0x50", "reg_width": 2, "regs": {"0x0010": [1, 2]}},
		{"bus": 0, "addr": "0x38", "reg_width": 0, "regs": {"0": [28, 1, 2]}}],
		"uart": [{"port": 1, "peer": [{"expect": "PING", "reply": "PONG"}], "greeting": "READY\r\n"}]}`)
	bus, _ := s.I2C(0)
	r := make([]byte, 3)
	if err := bus.Tx(0x50, []byte{0x00, 0x10}, r); err != nil || string(r) != "\x01\x02\x00" {
		t.Errorf("2-byte register read: %v %v", err, r)
	}
	bus.Tx(0x50, []byte{0x00, 0x20, 9, 8}, nil)
	if v, ok := s.Register(0, 0x50, 0x21); !ok || v != 8 {
		t.Errorf("register 0x21 = %d %v", v, ok)
	}
	status := make([]byte, 2)
	bus.Tx(0x38, []byte{0xAC, 0x33, 0x00}, nil)
	if err := bus.Tx(0x38, nil, status); err != nil || status[0] != 28 || status[1] != 1 {
		t.Errorf("command device read: %v %v", err, status)
	}
	bus.Tx(0x38, nil, status) // a second read gives the same measurement
	if cmds := s.Commands(0, 0x38); status[0] != 28 || len(cmds) != 1 || cmds[0][0] != 0xAC {
		t.Errorf("command device: read %v commands %v", status, cmds)
	}
	if err := bus.Tx(0x51, []byte{0}, r); !errors.Is(err, ErrNACK) {
		t.Errorf("absent device: %v", err)
	}
	u, _ := s.UART(1, UARTConfig{Baud: 9600})
	u.Write([]byte("PI"))
	u.Write([]byte("NG\r\nOTHER\n"))
	buf := make([]byte, 64)
	n, _ := u.Read(buf)
	got := string(buf[:n])
	if got != "READY\r\nPONG\r\n" {
		t.Errorf("peer answers %q", got)
	}
	peer := s.UARTPeer(1)
	peer.Send([]byte("x"))
	n, _ = u.Read(buf)
	if string(buf[:n]) != "x" || string(peer.Received()) != "PING\r\nOTHER\n" {
		t.Errorf("peer: read %q received %q", buf[:n], peer.Received())
	}
	done := make(chan error)
	go func() { _, err := u.Read(buf); done <- err }()
	time.Sleep(10 * time.Millisecond)
	u.Close()
	if err := <-done; err == nil {
		t.Error("Read after Close: no error")
	}
}

func TestSimWatchdog(t *testing.T) {
	s := NewSim(nil)
	fired := make(chan struct{}, 1)
	w, _ := s.Watchdog(30*time.Millisecond, func() { fired <- struct{}{} })
	for range 4 {
		time.Sleep(15 * time.Millisecond)
		w.Feed()
	}
	select {
	case <-fired:
		t.Fatal("fed watchdog fired")
	default:
	}
	select {
	case <-fired:
	case <-time.After(time.Second):
		t.Fatal("unfed watchdog did not fire")
	}
	w2, _ := s.Watchdog(10*time.Millisecond, func() { fired <- struct{}{} })
	w2.Stop()
	time.Sleep(30 * time.Millisecond)
	if len(fired) != 0 {
		t.Error("stopped watchdog fired")
	}
}
