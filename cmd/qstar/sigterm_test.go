package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMClosesConnections: a service stop (SIGTERM) ends a script that
// waits for MQTT messages with exit 0, and qstar disconnects from the broker
// before it exits: the broker side sees DISCONNECT or end of stream, not a
// connection dropped by the kernel at process death after the exit.
func TestSIGTERMClosesConnections(t *testing.T) {
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	closed := make(chan []byte, 1)
	go fakeBroker(ln, closed)

	port := ln.Addr().(*net.TCPAddr).Port
	src := "from umqtt import MQTTClient\n" +
		"c = MQTTClient('svc', '127.0.0.1', " + strconv.Itoa(port) + ", reconn=False)\n" +
		"c.set_callback(lambda t, m: None)\nc.connect()\nprint('started')\n" +
		"while True:\n    c.wait_msg()\n"
	path := filepath.Join(t.TempDir(), "svc.py")
	os.WriteFile(path, []byte(src), 0o644)
	cmd := exec.Command(qstar, "run", path)
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "started\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("first line %q; stderr %s", line, stderr.String())
	}
	cmd.Process.Signal(syscall.SIGTERM)
	var tail []byte
	select {
	case tail = <-closed:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("broker connection not closed; stderr %s", stderr.String())
	}
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d, want 0; stderr %s", code, stderr.String())
	}
	if len(tail) == 0 || tail[0] != 0xE0 {
		t.Errorf("client sent %x after CONNECT, want a DISCONNECT packet (e0 00)", tail)
	}
}

// fakeBroker accepts one client, answers its CONNECT with CONNACK 0 and
// reports every byte it sends after that, once the client closes.
func fakeBroker(ln net.Listener, closed chan<- []byte) {
	conn, err := ln.Accept()
	if err != nil {
		return
	}
	defer conn.Close()
	r := bufio.NewReader(conn)
	if _, err := readPacket(r); err != nil {
		return
	}
	conn.Write([]byte{0x20, 0x02, 0x00, 0x00})
	rest, _ := io.ReadAll(r)
	closed <- stripPings(rest)
}

// readPacket reads one MQTT control packet (fixed header, varint length).
func readPacket(r *bufio.Reader) ([]byte, error) {
	head, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	n, mul := 0, 1
	for {
		b, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		n += int(b&0x7f) * mul
		if b&0x80 == 0 {
			break
		}
		mul *= 128
	}
	body := make([]byte, n)
	_, err = io.ReadFull(r, body)
	return append([]byte{head}, body...), err
}

// stripPings drops PINGREQ packets (c0 00) a keepalive may have sent.
func stripPings(b []byte) []byte {
	for len(b) >= 2 && b[0] == 0xC0 && b[1] == 0 {
		b = b[2:]
	}
	return b
}
