package main

import (
	"fmt"
	"io"

	"github.com/qstar-dev/qstar/runtime"
)

// cmdStubs is `qstar stubs DIR`: .pyi files for editors (VS Code, PyCharm)
// from the docs help() shows.
func cmdStubs(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintf(stderr, "qstar stubs: want one DIR\n\n%s", usage)
		return exitUsage
	}
	files, err := runtime.WriteStubs(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "qstar: %v\n", err)
		return exitScriptError
	}
	fmt.Fprintf(stdout, "qstar stubs: wrote %d stub files to %s\n", len(files), args[0])
	return exitOK
}
