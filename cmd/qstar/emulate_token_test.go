package main

import (
	"bufio"
	"context"
	"net"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// `qstar emulate` prints the application API's token and the console's
// address; curl without the token gets 401 and a JSON error saying how
// to get it; with it, a publish reaches mosquitto_sub on the emulator's
// MQTT port. The outside clients are Debian's curl and mosquitto_sub.
func TestEmulatePrintsAPIToken(t *testing.T) {
	for _, tool := range []string{"curl", "mosquitto_sub"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s", tool)
		}
	}
	em := startQstar(t, "emulate", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0")
	mqttAddr := em.waitFor(t, `local cloud on (\S+) `)[1]
	m := em.waitFor(t, `application API token (\S+) \(send "Authorization: Bearer \S+"\); web console (http://(\S+)/\?token=\S+)`)
	token, console, httpAddr := m[1], m[2], m[3]
	if !strings.HasSuffix(console, "?token="+token) {
		t.Fatalf("console address %q", console)
	}

	curl := func(args ...string) string {
		out, _ := exec.Command("curl", append([]string{"-s", "-w", " %{http_code}"}, args...)...).Output()
		return string(out)
	}
	if out := curl("-X", "POST", "http://"+httpAddr+"/publish?topic=lab/t", "-d", "x"); !strings.HasSuffix(out, " 401") ||
		!strings.Contains(out, "qstar emulate") || !strings.Contains(out, "Bearer") {
		t.Fatalf("without the token: %s", out)
	}
	if out := curl(console); !strings.HasSuffix(out, " 303") {
		t.Fatalf("console with ?token=: %s", out)
	}

	host, port, _ := net.SplitHostPort(mqttAddr)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	sub := exec.CommandContext(ctx, "mosquitto_sub", "-h", host, "-p", port, "-t", "lab/t", "-C", "1", "-v")
	out, _ := sub.StdoutPipe()
	if err := sub.Start(); err != nil {
		t.Fatal(err)
	}
	defer sub.Wait()
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		got <- line
	}()
	for {
		if res := curl("-X", "POST", "-H", "Authorization: Bearer "+token, "http://"+httpAddr+"/publish?topic=lab/t", "-d", "hello"); !strings.HasSuffix(res, " 204") {
			t.Fatalf("with the token: %s", res)
		}
		select {
		case line := <-got:
			if line != "lab/t hello\n" {
				t.Fatalf("mosquitto_sub got %q", line)
			}
			return
		case <-time.After(200 * time.Millisecond): // not subscribed yet: publish again
		case <-ctx.Done():
			t.Fatal("mosquitto_sub got nothing")
		}
	}
}
