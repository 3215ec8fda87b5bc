package emulator

import (
	"runtime/debug"
	"testing"
)

// TuneGC lowers the GC target unless the environment sets GOGC.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	TuneGC()
	if got := debug.SetGCPercent(100); got != servingGCPercent {
		t.Fatalf("GOGC unset: GC percent %d, want %d", got, servingGCPercent)
	}
	t.Setenv("GOGC", "80")
	TuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC=80 in the environment: TuneGC changed the GC percent to %d", got)
	}
}
