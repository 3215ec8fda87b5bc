package emulator

import (
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TLS verifies on the address the emulator prints: a client that dials
// 127.0.0.1 sends no SNI and gets a leaf with the listen address and
// localhost/127.0.0.1/::1. Paho connects an Azure device with the CA
// alone (hostname checked), reads its twin, and a second device
// subscribed to the same $iothub/twin/res/# sees none of it.
func TestOutsideTLSOnTheListenAddress(t *testing.T) {
	needPaho(t)
	e, log := standalone(t, Options{})
	ca := caFile(t, e)
	dev1, dev2 := azureCreds(t, "dev1"), azureCreds(t, "dev2")
	other := make(chan []string)
	go func() {
		other <- pahoSession(t, e.Addr(), map[string]any{"client_id": dev2.ClientID, "user": dev2.Username, "password": dev2.Password, "ca": ca,
			"subscribe": []string{"$iothub/twin/res/#"}, "wait": 2.5})
	}()
	time.Sleep(800 * time.Millisecond)
	got := pahoSession(t, e.Addr(), map[string]any{"client_id": dev1.ClientID, "user": dev1.Username, "password": dev1.Password, "ca": ca,
		"subscribe": []string{"$iothub/twin/res/#", "$iothub/twin/GET/#", "devices/dev2/messages/devicebound/#"},
		"publish":   [][]any{{"$iothub/twin/GET/?$rid=7", "", 0}}})
	for _, want := range []string{"connack 0", "suback $iothub/twin/res/# 1", "suback devices/dev2/messages/devicebound/# 128",
		`msg $iothub/twin/res/200/?$rid=7 {"desired":{"$version":1},"reported":{"$version":1}}`} {
		if !has(got, want) {
			t.Fatalf("dev1 %q lacks %q\nlog:\n%s", got, want, log)
		}
	}
	if has(got, "msg $iothub/twin/GET/?$rid=7 ") {
		t.Fatalf("dev1's own request was delivered back to it: %q", got)
	}
	if got := <-other; strings.Join(got, "\n") != "connack 0\nsuback $iothub/twin/res/# 1\nclosed" {
		t.Fatalf("dev2 saw dev1's twin traffic: %q", got)
	}
}

// mosquitto_pub verifies the emulator's certificate by --cafile, on
// 127.0.0.1 and on localhost.
func TestOutsideMosquittoTLS(t *testing.T) {
	needMosquittoClients(t)
	e, _ := standalone(t, Options{})
	ca := caFile(t, e)
	_, port, _ := net.SplitHostPort(e.Addr())
	for _, host := range []string{"127.0.0.1", "localhost"} {
		out, err := exec.Command("mosquitto_pub", "-h", host, "-p", port, "--cafile", ca, "-t", "a/b", "-m", "x").CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v %s", host, err, out)
		}
	}
}

// Go's TLS client checks the IP SAN when it dials an address (no SNI).
func TestTLSNoSNICertificate(t *testing.T) {
	e, err := Start(Options{Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, name := range []string{"", "localhost", "xyz.iot-as-mqtt.cn-shanghai.aliyuncs.com"} {
		c, err := tls.Dial("tcp", e.Addr(), &tls.Config{RootCAs: e.RootCAs(), ServerName: name})
		if err != nil {
			t.Fatalf("ServerName %q: %v", name, err)
		}
		c.Close()
	}
}

// A handshake that fails (the client trusts another CA) is logged.
func TestOutsideFailedHandshakeIsLogged(t *testing.T) {
	needPaho(t)
	e, log := standalone(t, Options{})
	other, err := newAuthority()
	if err != nil {
		t.Fatal(err)
	}
	wrongCA := filepath.Join(t.TempDir(), "other.pem")
	os.WriteFile(wrongCA, other.PEM(), 0o644)
	got := pahoSession(t, e.Addr(), map[string]any{"client_id": "c", "ca": wrongCA})
	if len(got) != 1 || !strings.HasPrefix(got[0], "error SSL") {
		t.Fatalf("paho with the wrong CA: %q", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(log.String(), "emulator: TLS handshake with 127.0.0.1:") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !regexp.MustCompile(`emulator: TLS handshake with 127\.0\.0\.1:\d+ failed: \S`).MatchString(log.String()) {
		t.Fatalf("no log line for the failed handshake:\n%s", log)
	}
}

// The leaf cache is bounded, and evicts the least recently used name.
func TestLeafCacheIsBounded(t *testing.T) {
	a, err := newAuthority()
	if err != nil {
		t.Fatal(err)
	}
	first, _ := a.leaf("keep.example")
	for i := 0; i < maxLeaves+50; i++ {
		if _, err := a.leaf(fmt.Sprintf("h%d.example", i)); err != nil {
			t.Fatal(err)
		}
		a.leaf("keep.example") // used again: stays
	}
	if len(a.leaves) != maxLeaves || a.lru.Len() != maxLeaves {
		t.Fatalf("cache holds %d (%d), want %d", len(a.leaves), a.lru.Len(), maxLeaves)
	}
	if again, _ := a.leaf("keep.example"); again != first {
		t.Fatal("the recently used leaf was evicted")
	}
	if _, ok := a.leaves["h0.example"]; ok {
		t.Fatal("the least recently used leaf was kept")
	}
}
