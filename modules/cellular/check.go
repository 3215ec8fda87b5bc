package cellular

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/qstar-dev/qstar/modules/cellular/profile"
)

// Check validates a --modem / QSTAR_MODEM spec before a script runs, so a
// typo fails at start with exit 2, not at the first sim call: the kind,
// the profile file (JSON errors as file:line:col), the AT device's
// existence and the baud rate. It opens nothing.
func Check(spec string) error {
	kind, arg, _ := strings.Cut(spec, ":")
	switch kind {
	case "", "sim":
		if arg == "" {
			return nil
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return fmt.Errorf("modem %q: %w", spec, err)
		}
		if _, err := profile.Parse(data); err != nil {
			return placeJSONError(arg, data, err)
		}
		return nil
	case "at":
		path, baud, hasBaud := strings.Cut(arg, ",")
		if path == "" {
			return fmt.Errorf("modem %q: want at:/dev/ttyUSB2[,baud]", spec)
		}
		if hasBaud {
			if n, err := strconv.Atoi(baud); err != nil || n <= 0 {
				return fmt.Errorf("modem %q: baud rate %q is not a positive number", spec, baud)
			}
		}
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("modem %q: no device: %w", spec, err)
		}
		return nil
	}
	return fmt.Errorf("modem %q: unknown kind %q; want sim, sim:profile.json or at:/dev/ttyUSB2[,baud]", spec, kind)
}

// placeJSONError prefixes a profile error with file:line:col when the JSON
// decoder said where (a syntax error or a value of the wrong type).
func placeJSONError(path string, data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	at := int64(-1)
	switch {
	case errors.As(err, &se):
		at = se.Offset - 1 // Offset is just past the bad byte
	case errors.As(err, &te):
		at = te.Offset - 1
	}
	if at < 0 {
		return fmt.Errorf("%s: %w", path, err)
	}
	line, col := 1, 1
	for _, c := range data[:min(int(at), len(data))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%s:%d:%d: %w", path, line, col, err)
}
