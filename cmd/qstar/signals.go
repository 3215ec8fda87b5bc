package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

// handleSignals delivers Ctrl-C to the script as CPython does: the first
// SIGINT raises KeyboardInterrupt in the main thread where it is (running,
// sleeping, waiting for a message), so `except KeyboardInterrupt:` handlers
// run. A second SIGINT, a SIGINT once the main script has returned (qstar is
// waiting for its threads), and SIGTERM stop every thread for good; stopped
// then receives the signal that did it (once). SIGTERM is how a service
// manager asks for a clean stop, so cmdRun exits 0 for it after closing
// connections; SIGINT stays 130. A handler the script set with
// signal.signal runs instead (SIG_IGN ignores). stop ends the handling.
func handleSignals(in *runtime.Interp, main *starlark.Thread) (stopped <-chan os.Signal, stop func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	in.OwnSignals(syscall.SIGINT, syscall.SIGTERM)
	halted := make(chan os.Signal, 1)
	done := make(chan struct{})
	var once sync.Once
	go func() {
		interrupted := false
		for {
			select {
			case <-done:
				return
			case sig := <-sigs:
				if s, ok := sig.(syscall.Signal); ok && in.DeliverSignal(s) {
					continue // the script's signal.signal handler (or SIG_IGN)
				}
				if sig == os.Interrupt && !interrupted && in.Running(main) {
					interrupted = true
					in.Interrupt(main)
					continue
				}
				once.Do(func() { halted <- sig })
				in.CancelAll("interrupted")
			}
		}
	}()
	return halted, func() { signal.Stop(sigs); close(done) }
}
