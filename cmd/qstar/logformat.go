package main

import (
	"fmt"
	"io"
	"log/slog"
)

// newLogger makes the logger behind Env.Logf for --log FORMAT: "" or
// "text" keeps the plain "qstar: ..." lines (nil logger); "json" writes one
// JSON object a line (time, level, msg), as journald and log shippers want.
func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "", "text":
		return nil, nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log %q: want text or json", format)
}
