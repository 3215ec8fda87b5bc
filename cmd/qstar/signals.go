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
// is then closed. stop ends the handling.
func handleSignals(in *runtime.Interp, main *starlark.Thread) (stopped <-chan struct{}, stop func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	halted := make(chan struct{})
	done := make(chan struct{})
	var once sync.Once
	go func() {
		interrupted := false
		for {
			select {
			case <-done:
				return
			case sig := <-sigs:
				if sig == os.Interrupt && !interrupted && in.Running(main) {
					interrupted = true
					in.Interrupt(main)
					continue
				}
				once.Do(func() { close(halted) })
				in.CancelAll("interrupted")
			}
		}
	}()
	return halted, func() { signal.Stop(sigs); close(done) }
}
