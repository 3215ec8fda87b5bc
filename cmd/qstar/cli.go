package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/qstar-dev/qstar/emulator"
	"github.com/qstar-dev/qstar/modules/board"
	"github.com/qstar-dev/qstar/modules/cellular"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pycompat"
	"github.com/qstar-dev/qstar/runtime/repl"

	_ "github.com/qstar-dev/qstar/modules/all"
)

// Exit codes.
const (
	exitOK          = 0
	exitScriptError = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `qstar: QuecPython-style scripting for gateways and laptops

Usage:
  qstar run [flags] FILE [ARGS...]   run a .py or .star script
  qstar repl [flags]                 interactive prompt (also: bare qstar)
  qstar port FILE.py                 print the Starlark qstar runs for FILE, and what changed
  qstar emulate [--listen ADDR] [--http ADDR] [--devices FILE] [--ca-out FILE] [--token T]
                                     run the local cloud for external clients (default 127.0.0.1:1883)
  qstar modules                      list the modules scripts can import
  qstar stubs DIR                    write .pyi stubs of every module into DIR, for editors
  qstar version                      print the version

Flags for run and repl:
  --modem SPEC   cellular backend: sim[:profile.json] (default) or at:/dev/ttyUSB2[,115200]
                 (also QSTAR_MODEM)
  --board SPEC   hardware behind machine and misc: sim[:board.json] (default) or
                 linux[:map.json] (also QSTAR_BOARD)
  --emulate      route every connection to an in-process local cloud that checks each
                 platform's credentials and answers its system topics; device secrets
                 from the JSON file in QSTAR_EMULATOR_DEVICES; its application API and web
                 console listen on QSTAR_EMULATOR_HTTP (default: a free port, printed), behind
                 a token printed at start (or QSTAR_EMULATOR_TOKEN)
  --log FORMAT   qstar's own messages on stderr as text (default) or json, one
                 object a line (also QSTAR_LOG; run, repl and emulate)
  --data DIR     host directory behind the device's /usr (also QSTAR_DATA; default: the
                 script's directory, or the working directory for repl); /bak is DIR/.bak
  --allow-fs=PATH   let scripts read and write a host path outside the data directory
  --allow-env=NAME  let scripts see a host environment variable (default: none; * for all)
  --allow-net=HOST[:PORT]  dial only these hosts (default: any host)
  --deny-net=HOST[:PORT]   never dial these hosts
                 (the four take comma lists and may be repeated)
`

// Main runs the CLI and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return cmdRepl(nil, stdin, stdout, stderr)
	}
	switch args[0] {
	case "run":
		return cmdRun(args[1:], stdin, stdout, stderr)
	case "repl":
		return cmdRepl(args[1:], stdin, stdout, stderr)
	case "port":
		return cmdPort(args[1:], stdout, stderr)
	case "emulate":
		return cmdEmulate(args[1:], stdout, stderr)
	case "stubs":
		return cmdStubs(args[1:], stdout, stderr) // stubs.go
	case "modules":
		for _, m := range runtime.Modules() {
			fmt.Fprintf(stdout, "%-14s %s\n", m.Name, m.Doc)
		}
		return exitOK
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, versionLine())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "qstar: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// commonFlags are shared by run and repl.
type commonFlags struct {
	modem   string
	board   string
	emulate emulateFlag
	log     string
	grants  grantFlags
}

func newFlagSet(name string, stderr io.Writer, cf *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.StringVar(&cf.modem, "modem", "", "cellular backend")
	fs.StringVar(&cf.board, "board", "", "hardware backend")
	fs.Var(&cf.emulate, "emulate", "route connections to the local cloud (in process, or =HOST:PORT of a qstar emulate)")
	fs.StringVar(&cf.log, "log", os.Getenv("QSTAR_LOG"), "format of qstar's own messages: text or json")
	cf.grants.register(fs)
	return fs
}

func (cf *commonFlags) env(stdin io.Reader, stdout, stderr io.Writer, argv []string) (*runtime.Env, error) {
	env := runtime.NewEnv()
	env.Stdin, env.Stdout, env.Stderr = stdin, stdout, stderr
	env.Args = argv
	logger, err := newLogger(cf.log, stderr)
	if err != nil {
		return nil, usageError{err}
	}
	env.Logger = logger
	if cf.modem != "" {
		env.Config["modem"] = cf.modem
	}
	if cf.board != "" {
		env.Config["board"] = cf.board
	}
	if err := board.Check(env.Setting("board")); err != nil {
		return nil, usageError{err}
	}
	if err := cellular.Check(env.Setting("modem")); err != nil { // fail fast, before the script
		return nil, usageError{err}
	}
	script := ""
	if len(argv) > 0 {
		script = argv[0]
	}
	if err := cf.grants.apply(env, script); err != nil {
		return nil, err
	}
	if cf.emulate.remote != "" {
		r, err := emulator.ConnectRemote(context.Background(), cf.emulate.remote)
		if err != nil {
			return nil, err
		}
		env.Logf("emulator: every connection goes to the local cloud at %s", cf.emulate.remote)
		env.Dial, env.RootCAs, env.Routed = r.Dial, r.RootCAs(), true
	} else if cf.emulate.on {
		opts := emulator.Options{Logf: env.Logf, Now: env.Now, Strict: env.Setting("emulator_strict") == "1",
			APIToken: env.Setting("emulator_token")}
		if path := env.Setting("emulator_devices"); path != "" {
			devices, err := emulator.LoadDevices(path)
			if err != nil {
				return nil, err
			}
			opts.Devices = devices
		}
		em, err := emulator.Start(opts)
		if err != nil {
			return nil, err
		}
		httpAddr := env.Setting("emulator_http")
		if httpAddr == "" {
			httpAddr = "127.0.0.1:0"
		}
		if httpAddr, err = em.ServeHTTP(httpAddr); err != nil {
			em.Close()
			return nil, err
		}
		env.Logf("emulator: local cloud running; application API on http://%s", httpAddr)
		env.Logf("emulator: %s", apiTokenHelp(httpAddr, em.APIToken()))
		env.Dial, env.RootCAs, env.Routed = em.Dial, em.RootCAs(), true
		env.OnClose(func() { em.Close() })
	}
	env.Dial = runtime.GuardDial(env.Grants, env.Dial) // checks the host asked for, before routing
	return env, nil
}

// usageError is a bad flag value found while building the Env.
type usageError struct{ error }

// envFailed reports a failure to build the Env and picks the exit code.
func envFailed(err error, stderr io.Writer) int {
	fmt.Fprintf(stderr, "qstar: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitScriptError
}

func cmdRun(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cf commonFlags
	fs := newFlagSet("run", stderr, &cf)
	cpuprofile := profileFlag(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	defer startProfile(*cpuprofile, stderr)()
	if fs.NArg() < 1 {
		fmt.Fprintf(stderr, "qstar run: missing FILE\n\n%s", usage)
		return exitUsage
	}
	path := fs.Arg(0)
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitUsage
	}
	env, err := cf.env(stdin, stdout, stderr, fs.Args())
	if err != nil {
		return envFailed(err, stderr)
	}
	in := runtime.New(env)
	defer in.Close() // threads are cancelled before their sockets and ports close

	in.Lock()
	t := in.NewThread("main")
	stopped, stop := handleSignals(in, t)
	defer stop()
	_, err = in.ExecFile(t, path, src)
	in.Done(t)
	in.Unlock()
	if err == nil {
		in.Wait() // like a module: the script runs while its threads do
	}
	if code, ok := in.ExitStatus(); ok { // sys.exit in a callback or thread
		return code
	}
	select {
	case sig := <-stopped:
		if sig == syscall.SIGTERM { // a service stop, not a failure
			in.Env.Close() // disconnect clients, close ports, before saying so
			env.Logf("terminated (SIGTERM): threads stopped, connections closed")
			return exitOK
		}
		fmt.Fprintln(stderr, "KeyboardInterrupt")
		return exitInterrupted
	default:
	}
	return exitCode(in, err, stderr)
}

func exitCode(in *runtime.Interp, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if code, ok := runtime.ExitCode(err); ok {
		if msg := runtime.ExitMessage(err); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		return code
	}
	if runtime.IsCancelled(err) {
		if _, isExc := exc.As(err); isExc { // KeyboardInterrupt: with its traceback
			in.ReportError(err)
		} else {
			fmt.Fprintln(stderr, "KeyboardInterrupt")
		}
		return exitInterrupted
	}
	in.ReportError(err)
	return exitScriptError
}

func cmdPort(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintf(stderr, "qstar port: want one FILE.py\n\n%s", usage)
		return exitUsage
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitUsage
	}
	res, err := pycompat.Translate(args[0], src, runtime.PortOptions())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitScriptError
	}
	fmt.Fprint(stdout, res.Starlark)
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if len(res.Changes) > 0 {
		fmt.Fprintf(stderr, "\n# %d changes:\n", len(res.Changes))
		for i, c := range res.Changes {
			fmt.Fprintf(stderr, "# %d. line %d: %s\n", i+1, c.Line, c.What)
		}
	}
	return exitOK
}

func cmdRepl(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cf commonFlags
	fs := newFlagSet("repl", stderr, &cf)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	env, err := cf.env(stdin, stdout, stderr, nil)
	if err != nil {
		return envFailed(err, stderr)
	}
	in := runtime.New(env)
	defer in.Env.Close()
	opts := repl.Options{Stdin: stdin, Stdout: stdout, Stderr: stderr, Interactive: isTerminal(stdin)}
	if opts.Interactive {
		opts.HistoryFile = repl.HistoryPath()
		opts.Banner = fmt.Sprintf("qstar %s: QuecPython-style REPL. help() lists modules; Ctrl-D exits.", version)
	}
	code := repl.Run(in, opts)
	if c, ok := in.ExitRequested(); ok {
		return c
	}
	return code
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// apiTokenHelp tells how to reach the emulator's application API and console.
func apiTokenHelp(httpAddr, token string) string {
	return fmt.Sprintf("application API token %s (send \"Authorization: Bearer %[1]s\"); web console http://%s/?token=%[1]s", token, httpAddr)
}

// cmdEmulate runs the local cloud for clients outside this process until
// SIGINT/SIGTERM. One port serves MQTT and MQTT over TLS; the platform is
// recognised by the form of each client's credentials.
func cmdEmulate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("emulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:1883", "address to serve MQTT and MQTT/TLS on")
	caOut := fs.String("ca-out", "", "write the emulator's CA certificate (PEM) here, for TLS clients")
	devicesPath := fs.String("devices", os.Getenv("QSTAR_EMULATOR_DEVICES"), "JSON file of device secrets per platform")
	httpListen := fs.String("http", "127.0.0.1:0", "address of the application-side HTTP API")
	logFormat := fs.String("log", os.Getenv("QSTAR_LOG"), "format of qstar's own messages: text or json")
	strict := fs.Bool("strict", os.Getenv("QSTAR_EMULATOR_STRICT") == "1", "refuse expired tokens of unregistered devices too, as the platforms do")
	token := fs.String("token", os.Getenv("QSTAR_EMULATOR_TOKEN"), "the application API's token (default: a new one, printed)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	logger, err := newLogger(*logFormat, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitUsage
	}
	logEnv := &runtime.Env{Stderr: stderr, Logger: logger}
	logf := logEnv.Logf
	opts := emulator.Options{Listen: *listen, Strict: *strict, Logf: logf, APIToken: *token}
	if *devicesPath != "" {
		devices, err := emulator.LoadDevices(*devicesPath)
		if err != nil {
			fmt.Fprintf(stderr, "qstar: %v\n", err)
			return exitUsage
		}
		opts.Devices = devices
	}
	emulator.TuneGC() // a standalone emulator serves many devices
	em, err := emulator.Start(opts)
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitScriptError
	}
	defer em.Close()
	if *caOut != "" {
		if err := os.WriteFile(*caOut, em.CAPEM(), 0o644); err != nil {
			fmt.Fprintf(stderr, "qstar: %v\n", err)
			return exitScriptError
		}
	}
	httpAddr, err := em.ServeHTTP(*httpListen)
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitScriptError
	}
	fmt.Fprintf(stdout, "qstar emulate: local cloud on %s (MQTT, MQTT/TLS and the service APIs over HTTP(S): run scripts with --emulate=%[1]s), application API on http://%s; Ctrl-C stops\n", em.Addr(), httpAddr)
	fmt.Fprintf(stdout, "qstar emulate: %s\n", apiTokenHelp(httpAddr, em.APIToken()))
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	<-sigs
	return exitOK
}
