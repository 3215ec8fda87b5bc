package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profileFlag is run's hidden --cpuprofile FILE: a CPU profile of the
// script for `go tool pprof`, to find the interpreter's hot spots.
func profileFlag(fs *flag.FlagSet) *string {
	return fs.String("cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
}

// startProfile starts profiling into path ("" does nothing); stop ends it.
func startProfile(path string, stderr io.Writer) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "qstar: --cpuprofile: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
