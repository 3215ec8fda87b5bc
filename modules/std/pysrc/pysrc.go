// Package pysrc holds standard modules written in Python: they run through
// qstar's Python front end on first import, as a user's module would.
package pysrc

import (
	_ "embed"

	"github.com/qstar-dev/qstar/runtime"
)

//go:embed threading.py
var threadingSource string

func init() {
	runtime.Register(runtime.Module{Name: "threading", Doc: "Thread, Lock, RLock, Condition, Event, Semaphore, Barrier, Timer, local (on _thread)", Source: threadingSource})
}
