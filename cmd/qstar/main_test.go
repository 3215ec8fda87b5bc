package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain makes the test binary double as the qstar command, so CLI tests
// run the real binary as a subprocess (signals, exit codes, piped stdin).
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"qstar": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestCLI runs the txtar scripts in testdata/cli.
func TestCLI(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{Dir: "testdata/cli", Setup: func(e *testscript.Env) error {
		e.Setenv("REPO", repo) // scripts read shared samples as $REPO/testdata/...
		return nil
	}})
}

// TestScripts runs every testdata/scripts/NAME.py|.star with `qstar run`
// and compares stdout with NAME.out, or line by line with the regular
// expressions in NAME.re (for output that depends on the clock). A first
// line "# exit: N" expects exit code N; NAME.err, when present, must appear
// in stderr. Samples in ../../scripts run the same way when
// testdata/samples holds their expected output.
func TestScripts(t *testing.T) {
	ran := runGoldenDir(t, "testdata/scripts", "testdata/scripts", true)
	ran += runGoldenDir(t, "../../scripts", "testdata/samples", false)
	if ran == 0 {
		t.Fatal("no scripts found")
	}
}

func runGoldenDir(t *testing.T, dir, expectDir string, expectAll bool) int {
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	ran := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".py" && ext != ".star" {
			continue
		}
		base := filepath.Join(expectDir, strings.TrimSuffix(filepath.Base(f), ext))
		want, err := os.ReadFile(base + ".out")
		patterns, reErr := os.ReadFile(base + ".re")
		if err != nil && reErr != nil {
			if expectAll {
				t.Errorf("%s: no expected output file %s.out or .re", f, base)
			}
			continue
		}
		ran++
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, _ := os.ReadFile(f)
			wantCode := 0
			if first, _, _ := strings.Cut(string(src), "\n"); strings.HasPrefix(first, "# exit: ") {
				wantCode, _ = strconv.Atoi(strings.TrimPrefix(first, "# exit: "))
			}
			var stdout, stderr bytes.Buffer
			code := Main([]string{"run", f}, strings.NewReader(""), &stdout, &stderr)
			if code != wantCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, wantCode, stderr.String())
			}
			if reErr == nil {
				matchLines(t, stdout.String(), string(patterns))
			} else if got := stdout.String(); got != string(want) {
				t.Errorf("stdout differs.\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, stderr.String())
			}
			if wantErr, err := os.ReadFile(base + ".err"); err == nil {
				if !strings.Contains(stderr.String(), strings.TrimSpace(string(wantErr))) {
					t.Errorf("stderr lacks %q:\n%s", strings.TrimSpace(string(wantErr)), stderr.String())
				}
			}
		})
	}
	return ran
}

// matchLines checks each output line against the pattern on the same line.
func matchLines(t *testing.T, out, patterns string) {
	t.Helper()
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := strings.Split(strings.TrimSuffix(patterns, "\n"), "\n")
	if len(got) != len(want) {
		t.Errorf("got %d lines, want %d:\n%s", len(got), len(want), out)
		return
	}
	for i := range want {
		if !regexp.MustCompile(want[i]).MatchString(got[i]) {
			t.Errorf("line %d %q does not match %q", i+1, got[i], want[i])
		}
	}
}

// TestRunInterrupt: SIGINT stops a script stuck in an endless loop, and one
// blocked in sleep, with exit code 130; SIGTERM (a service manager's stop)
// stops them cleanly with 0. The time it took is logged, not asserted.
func TestRunInterrupt(t *testing.T) {
	qstar, err := exec.LookPath("qstar")
	if err != nil {
		t.Fatal(err)
	}
	scripts := map[string]string{
		"busy.star":  "print('started')\nx = 0\nwhile True:\n    x += 1\n",
		"sleep.star": "load('utime', 'sleep')\nprint('started')\nsleep(3600)\n",
		"thread.py": "import _thread, utime\ndef loop():\n    while True:\n        utime.sleep_ms(10)\n" +
			"_thread.start_new_thread(loop, ())\nprint('started')\n",
	}
	dir := t.TempDir()
	for name, src := range scripts {
		if strings.Contains(src, "utime") && !moduleRegistered("utime") {
			t.Logf("%s skipped: utime not registered", name)
			continue
		}
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(src), 0o644)
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(name+"/"+sig.String(), func(t *testing.T) {
				cmd := exec.Command(qstar, "run", path)
				stdout, _ := cmd.StdoutPipe()
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				line, _ := bufio.NewReader(stdout).ReadString('\n')
				if line != "started\n" {
					t.Fatalf("first line %q; stderr %s", line, stderr.String())
				}
				start := time.Now()
				cmd.Process.Signal(sig)
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					cmd.Process.Kill()
					t.Fatalf("qstar did not stop on %v", sig)
				}
				t.Logf("stopped %v after %v", time.Since(start), sig)
				want, msg := 130, "KeyboardInterrupt"
				if sig == syscall.SIGTERM {
					want, msg = 0, "terminated (SIGTERM)"
				}
				if code := cmd.ProcessState.ExitCode(); code != want {
					t.Errorf("exit code %d, want %d; stderr %s", code, want, stderr.String())
				}
				if !strings.Contains(stderr.String(), msg) {
					t.Errorf("stderr %q lacks %q", stderr.String(), msg)
				}
			})
		}
	}
}
