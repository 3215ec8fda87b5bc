package runtime

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime/exc"
)

func TestCheckNet(t *testing.T) {
	for _, tc := range []struct {
		g     Grants
		addr  string
		allow bool
	}{
		{Grants{}, "anything.example:443", true},
		{Grants{NetAllow: []string{"broker.example"}}, "broker.example:1883", true},
		{Grants{NetAllow: []string{"broker.example"}}, "BROKER.example:8883", true},
		{Grants{NetAllow: []string{"broker.example"}}, "other.example:1883", false},
		{Grants{NetAllow: []string{"broker.example:8883"}}, "broker.example:1883", false},
		{Grants{NetAllow: []string{"*.aliyuncs.com"}}, "a1.iot-as-mqtt.cn-shanghai.aliyuncs.com:1883", true},
		{Grants{NetAllow: []string{"*.aliyuncs.com"}}, "aliyuncs.com.evil:1883", false},
		{Grants{NetAllow: []string{"[::1]:1883"}}, "[::1]:1883", true},
		{Grants{NetDeny: []string{"10.0.0.1"}}, "10.0.0.1:80", false},
		{Grants{NetDeny: []string{"10.0.0.1:22"}}, "10.0.0.1:80", true},
		{Grants{NetAllow: []string{"*"}, NetDeny: []string{"evil.example"}}, "evil.example:443", false},
		{Grants{NetDeny: []string{"*"}}, "127.0.0.1:1883", false},
	} {
		err := tc.g.CheckNet(tc.addr)
		if (err == nil) != tc.allow {
			t.Errorf("%+v CheckNet(%s) = %v, want allowed=%v", tc.g, tc.addr, err, tc.allow)
		}
	}
}

// TestGuardDialRefusesBeforeDialling: a refused host is a PermissionError
// naming the host and the flag, and the wrapped dialer is never called.
func TestGuardDialRefusesBeforeDialling(t *testing.T) {
	dialled := 0
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dialled++
		c1, c2 := net.Pipe()
		c2.Close()
		return c1, nil
	}
	for _, tc := range []struct {
		g        Grants
		addr     string
		wantFlag string
	}{
		{Grants{NetAllow: []string{"ok.example"}}, "cloud.example:1883", "--allow-net=cloud.example"},
		{Grants{NetDeny: []string{"cloud.example"}}, "cloud.example:1883", "--deny-net=cloud.example"},
	} {
		_, err := GuardDial(tc.g, dial)(context.Background(), "tcp", tc.addr)
		e, ok := exc.As(err)
		if !ok || e.Type != "PermissionError" || !strings.Contains(e.Msg, "'"+tc.addr+"'") || !strings.Contains(e.Msg, tc.wantFlag) {
			t.Errorf("dial %s with %+v: %v", tc.addr, tc.g, err)
		}
	}
	if dialled != 0 {
		t.Errorf("a refused dial reached the dialer %d times", dialled)
	}
	conn, err := GuardDial(Grants{NetAllow: []string{"ok.example"}}, dial)(context.Background(), "tcp", "ok.example:1")
	if err != nil || dialled != 1 {
		t.Fatalf("granted dial: %v (dialled %d)", err, dialled)
	}
	conn.Close()
}

func TestEnvironShowsOnlyGrantedNames(t *testing.T) {
	t.Setenv("QSTAR_GRANT_A", "a")
	t.Setenv("QSTAR_GRANT_B", "b")
	env := NewEnv()
	if vars := env.Environ(); len(vars) != 0 {
		t.Errorf("default environ = %v, want none", vars)
	}
	env.Grants.Env = []string{"QSTAR_GRANT_A"}
	if vars := env.Environ(); len(vars) != 1 || vars["QSTAR_GRANT_A"] != "a" {
		t.Errorf("granted environ = %v", vars)
	}
	env.Grants.Env = []string{"*"}
	if vars := env.Environ(); vars["QSTAR_GRANT_B"] != "b" {
		t.Errorf("environ with * = %v", vars)
	}
}

// TestLoadOutsideTheScriptTreeIsRefused: load() and import of a file above
// the main script's directory fail unless the directory is granted.
func TestLoadOutsideTheScriptTreeIsRefused(t *testing.T) {
	root := t.TempDir()
	app, lib := filepath.Join(root, "app"), filepath.Join(root, "lib")
	os.Mkdir(app, 0o777)
	os.Mkdir(lib, 0o777)
	os.WriteFile(filepath.Join(lib, "helper.star"), []byte("x = 1\n"), 0o644)
	os.WriteFile(filepath.Join(app, "inner.star"), []byte("y = 2\n"), 0o644)
	os.Symlink(filepath.Join(lib, "helper.star"), filepath.Join(app, "linked.star"))
	run := func(src string, grants Grants) error {
		env := NewEnv()
		env.Stdout, env.Stderr = &strings.Builder{}, &strings.Builder{}
		env.DataDir, env.Grants = app, grants
		in := New(env)
		defer in.Close()
		in.Lock()
		defer in.Unlock()
		th := in.NewThread("main")
		defer in.Done(th)
		_, err := in.ExecFile(th, filepath.Join(app, "main.star"), []byte(src))
		return err
	}
	if err := run(`load("./inner.star", "y")`, Grants{}); err != nil {
		t.Errorf("load inside the tree: %v", err)
	}
	for _, src := range []string{`load("../lib/helper.star", "x")`, `load("` + lib + `/helper.star", "x")`, `load("./linked.star", "x")`} {
		err := run(src, Grants{})
		if e, ok := exc.As(err); !ok || e.Type != "PermissionError" || !strings.Contains(e.Msg, "--allow-fs="+lib) {
			t.Errorf("%s: %v", src, err)
		}
		if err := run(src, Grants{FS: []string{lib}}); err != nil {
			t.Errorf("%s with --allow-fs=%s: %v", src, lib, err)
		}
	}
}
