// Command atsim runs the Quectel modem simulator on a pseudo-terminal,
// prints the device path, and serves until interrupted:
//
//	atsim [-profile p.json] [-delay 0s] [-respond 'AT+CPIN?=+CME ERROR: 10'] ...
//	qstar repl --modem at:/dev/pts/N
//
// -respond CMD=LINE[|LINE...] fixes the answer to CMD (final result included).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/qstar-dev/qstar/modules/cellular/atsim"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

type responses []string

func (r *responses) String() string     { return strings.Join(*r, ", ") }
func (r *responses) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	profilePath := flag.String("profile", "", "JSON modem profile (default: the built-in one)")
	delay := flag.Duration("delay", 0, "wait this long before every answer")
	var fixed responses
	flag.Var(&fixed, "respond", "CMD=LINE[|LINE...]: fixed answer to CMD (repeatable)")
	flag.Parse()

	p := profile.Default()
	if *profilePath != "" {
		var err error
		if p, err = profile.Load(*profilePath); err != nil {
			fmt.Fprintln(os.Stderr, "atsim:", err)
			os.Exit(2)
		}
	}
	s, err := atsim.Start(p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "atsim:", err)
		os.Exit(1)
	}
	defer s.Close()
	s.SetDelay(*delay)
	for _, r := range fixed {
		cmd, lines, ok := strings.Cut(r, "=")
		// the command may itself hold '=' (AT+QICSGP=1): split at the last "=+" or "=O"/"=E"
		if i := strings.LastIndex(r, "="); ok && i > len(cmd) {
			cmd, lines = r[:i], r[i+1:]
		}
		if !ok || cmd == "" || lines == "" {
			fmt.Fprintf(os.Stderr, "atsim: -respond %q: want CMD=LINE[|LINE...]\n", r)
			os.Exit(2)
		}
		s.Respond(cmd, strings.Split(lines, "|")...)
	}
	fmt.Println(s.Path())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
}
