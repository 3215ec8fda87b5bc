package emulator

import (
	"os"
	"runtime/debug"
)

// servingGCPercent is the GC target of a standalone emulator. At 10,000
// devices in a fan-in, GOGC=100 let the heap reach about 250 MiB over
// 90 MiB live; 50 held it near 190 MiB at no measurable cost in messages
// a second (bench/emulator -stats). A memory limit does not help: the
// devices' goroutine stacks alone (mochi's two per client) are more than
// any limit worth setting, and a limit below them makes the GC run
// without pause.
const servingGCPercent = 50

// TuneGC sets the GC target for a process that serves many devices
// (`qstar emulate`); a GOGC in the environment wins.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(servingGCPercent)
	}
}
