package emulator

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	aliyunauth "github.com/qstar-dev/qstar/modules/auth/aliyun"
	azureauth "github.com/qstar-dev/qstar/modules/auth/azure"
	huaweiauth "github.com/qstar-dev/qstar/modules/auth/huawei"
	onenetauth "github.com/qstar-dev/qstar/modules/auth/onenet"
)

// Tests with outside clients, as a new user tries `qstar emulate`:
// Debian's python3-paho-mqtt (testdata/paho_client.py) and the mosquitto
// command-line clients. .ci/run installs both.

func needPaho(t *testing.T) {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import paho.mqtt.client").Run(); err != nil {
		t.Skip("needs Debian's python3-paho-mqtt (apt-get install -y python3-paho-mqtt; .ci/run installs it)")
	}
}

func needMosquittoClients(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("mosquitto_pub"); err != nil {
		t.Skip("needs mosquitto_pub/mosquitto_sub (apt-get install -y mosquitto-clients; .ci/run installs them)")
	}
}

// logLines collects an emulator's log.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) logf(t *testing.T) func(string, ...any) {
	return func(f string, a ...any) {
		line := fmt.Sprintf(f, a...)
		t.Log(line)
		l.mu.Lock()
		l.lines = append(l.lines, line)
		l.mu.Unlock()
	}
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// standalone starts an emulator on a loopback port, as `qstar emulate`.
func standalone(t *testing.T, opts Options) (*Emulator, *logLines) {
	t.Helper()
	log := &logLines{}
	opts.Listen = "127.0.0.1:0"
	opts.Logf = log.logf(t)
	e, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e, log
}

// pahoSession runs one paho client session against addr and returns its event
// lines (see testdata/paho_client.py).
func pahoSession(t *testing.T, addr string, spec map[string]any) []string {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	js, _ := json.Marshal(spec)
	out, err := exec.Command(debianPython, "testdata/paho_client.py", host, port, string(js)).CombinedOutput()
	if err != nil {
		t.Fatalf("paho client: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// caFile writes the emulator's CA where an outside client can read it.
func caFile(t *testing.T, e *Emulator) string {
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, e.CAPEM(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func onenetCreds(t *testing.T, pid, dev string) onenetauth.Credentials {
	t.Helper()
	const key = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="
	c, err := onenetauth.DeviceCredentials(pid, dev, key, onenetauth.Params{ET: time.Now().Add(time.Hour).Unix(), Method: "sha256"}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func azureCreds(t *testing.T, dev string) azureauth.Connect {
	t.Helper()
	cs, err := azureauth.ParseConnectionString("HostName=myhub.azure-devices.net;DeviceId=" + dev + ";SharedAccessKey=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
	if err != nil {
		t.Fatal(err)
	}
	c, err := azureauth.DeviceConnect(cs, time.Now().Add(time.Hour).Unix(), "2021-04-12")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func aliyunCreds(t *testing.T, dn, mode string) aliyunauth.Connect {
	t.Helper()
	c, err := aliyunauth.SignIn(aliyunauth.Device{ProductKey: "a1B2c3D4e5F", DeviceName: dn, DeviceSecret: "secret"},
		aliyunauth.Options{SecureMode: mode})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func huaweiCreds(t *testing.T, dev string) huaweiauth.Credentials {
	t.Helper()
	c, err := huaweiauth.DeviceCredentials(dev, "secret123", time.Now(), false, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func has(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// A client with credentials that fit no platform is refused with CONNACK
// 4 and a log line naming the closest platform and the wrong field, but
// no value: a password typed into the user field is not logged. Only a
// client with no credentials (or an empty user name and password) gets
// the plain broker, and an empty password gets a 3.1.1 code, not 130.
func TestOutsideCredentialsThatFitNoPlatform(t *testing.T) {
	needPaho(t)
	e, log := standalone(t, Options{})
	const typedPassword = "hunter2!Sup3rSecret"
	cases := []struct {
		name    string
		spec    map[string]any
		connack string
		log     string // in the refusal's line
	}{
		{"no credentials", map[string]any{"client_id": "c1"}, "connack 0", ""},
		{"empty user and password", map[string]any{"client_id": "c2", "user": "", "password": ""}, "connack 0", ""},
		{"empty password", map[string]any{"client_id": "c3", "user": "bob", "password": ""}, "connack 4", "closest is onenet, whose password is a token"},
		{"password in the user field", map[string]any{"client_id": "c4", "user": typedPassword}, "connack 4", "fit no platform's form"},
		{"onenet with a plain password", map[string]any{"client_id": "dev1", "user": "123456", "password": "letmein"}, "connack 4", "closest is onenet, whose password is a token"},
		{"azure token, user not a hub's", map[string]any{"client_id": "dev1", "user": "myhub/dev1", "password": "SharedAccessSignature sr=x&sig=y&se=1"},
			"connack 4", "closest is azure, whose user name is \"{hub}.azure-devices.net/{device id}/?api-version=...\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pahoSession(t, e.Addr(), c.spec)
			if !has(got, c.connack) {
				t.Fatalf("got %q, want %q", got, c.connack)
			}
			if c.log != "" && !strings.Contains(log.String(), c.log) {
				t.Fatalf("log lacks %q:\n%s", c.log, log)
			}
		})
	}
	if strings.Contains(log.String(), typedPassword) || strings.Contains(log.String(), "letmein") {
		t.Fatalf("a password reached the log:\n%s", log)
	}
}

// mosquitto_pub with a user name and password of no platform's form is
// refused as a bad user name or password, and without any it publishes.
func TestOutsideMosquittoPubRefused(t *testing.T) {
	needMosquittoClients(t)
	e, _ := standalone(t, Options{})
	host, port, _ := net.SplitHostPort(e.Addr())
	out, err := exec.Command("mosquitto_pub", "-h", host, "-p", port, "-i", "dev1", "-u", "alice", "-P", "wonderland",
		"-t", "a/b", "-m", "x").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "bad user name or password") {
		t.Fatalf("err %v: %s", err, out)
	}
	if out, err := exec.Command("mosquitto_pub", "-h", host, "-p", port, "-t", "a/b", "-m", "x").CombinedOutput(); err != nil {
		t.Fatalf("a plain client: %v %s", err, out)
	}
}

// Azure and Aliyun's securemode=2 are TLS only: over plain TCP they are
// refused (CONNACK 3) with a log line saying why; Aliyun's securemode=3
// is plain TCP. Keep-alive outside a platform's range is refused with
// CONNACK 2.
func TestOutsideTransportAndKeepAlive(t *testing.T) {
	needPaho(t)
	e, log := standalone(t, Options{})
	az := azureCreds(t, "dev1")
	aliTLS, aliTCP := aliyunCreds(t, "dev1", aliyunauth.SecureTLS), aliyunCreds(t, "dev2", aliyunauth.SecureTCP)
	one := onenetCreds(t, "123456", "dev1")
	hw := huaweiCreds(t, "64f0a1b2c3d4e5f6a7b8c9d0_dev1")
	cred := func(id, user, pw string, keepalive int) map[string]any {
		return map[string]any{"client_id": id, "user": user, "password": pw, "keepalive": keepalive}
	}
	cases := []struct {
		name    string
		spec    map[string]any
		connack string
		log     string
	}{
		{"azure plain", cred(az.ClientID, az.Username, az.Password, 60), "connack 3", "azure refused client \"dev1\": plain TCP refused: IoT Hub serves MQTT over TLS only"},
		{"aliyun securemode=2 plain", cred(aliTLS.ClientID, aliTLS.Username, aliTLS.Password, 60), "connack 3", "plain TCP refused: securemode=2"},
		{"aliyun securemode=3 plain", cred(aliTCP.ClientID, aliTCP.Username, aliTCP.Password, 60), "connack 0", ""},
		{"aliyun keep-alive 10", cred(aliTCP.ClientID, aliTCP.Username, aliTCP.Password, 10), "connack 2", "keep-alive 10 s is outside the platform's 30..1200 s"},
		{"aliyun keep-alive 1201", cred(aliTCP.ClientID, aliTCP.Username, aliTCP.Password, 1201), "connack 2", "keep-alive 1201 s"},
		{"onenet keep-alive 5", cred(one.ClientID, one.Username, one.Password, 5), "connack 2", "keep-alive 5 s is outside the platform's 10..1800 s"},
		{"onenet keep-alive 10", cred(one.ClientID, one.Username, one.Password, 10), "connack 0", ""},
		{"huawei keep-alive 20", cred(hw.ClientID, hw.Username, hw.Password, 20), "connack 2", "keep-alive 20 s is outside the platform's 30..1200 s"},
		{"huawei keep-alive 30", cred(hw.ClientID, hw.Username, hw.Password, 30), "connack 0", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pahoSession(t, e.Addr(), c.spec)
			if !has(got, c.connack) {
				t.Fatalf("got %q, want %q", got, c.connack)
			}
			if c.log != "" && !strings.Contains(log.String(), c.log) {
				t.Fatalf("log lacks %q:\n%s", c.log, log)
			}
		})
	}
	for _, secret := range []string{az.Password, aliTLS.Password, one.Password, hw.Password} {
		if strings.Contains(log.String(), secret) {
			t.Fatalf("a password reached the log:\n%s", log)
		}
	}
}
