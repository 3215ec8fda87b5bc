package runtime

import (
	"errors"
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

// FormatError renders err as a Python-style traceback, pointing at the
// user's own file and line (for .py files, the original lines).
func (in *Interp) FormatError(err error) string {
	var sb strings.Builder
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		var frames []starlark.CallFrame
		for _, fr := range pylib.CallStacks(ee) { // a generator's frames follow its consumer's
			if fr.Pos.Filename() == "<builtin>" {
				continue
			}
			// A function the translator made for a try block or handler
			// is part of the user's enclosing function: show that one,
			// at the line inside the block.
			if pylib.SyntheticFrame(fr.Name) && len(frames) > 0 {
				frames[len(frames)-1].Pos = fr.Pos
				continue
			}
			frames = append(frames, fr)
		}
		if len(frames) > 0 {
			sb.WriteString("Traceback (most recent call last):\n")
			for _, fr := range frames {
				name := pylib.FrameName(fr.Name)
				if name == "<toplevel>" || name == "<expr>" {
					name = "<module>"
				}
				fmt.Fprintf(&sb, "  File \"%s\", line %d, in %s\n", fr.Pos.Filename(), fr.Pos.Line, name)
				if line := in.sourceLine(fr.Pos.Filename(), int(fr.Pos.Line)); line != "" {
					fmt.Fprintf(&sb, "    %s\n", line)
				}
			}
		}
	}
	sb.WriteString(ErrorLine(err))
	return sb.String()
}

// ErrorLine is the last line of a traceback: "ValueError: msg".
func ErrorLine(err error) string {
	if IsCancelled(err) {
		return "KeyboardInterrupt"
	}
	if e, ok := exc.As(err); ok {
		return e.Error()
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		if e := exc.Classify(ee.Msg); e != nil {
			return e.Error()
		}
		return "Error: " + ee.Msg
	}
	return err.Error() // syntax and resolve errors already carry file:line:col
}

func (in *Interp) sourceLine(file string, line int) string {
	if file == "<stdin>" { // REPL chunks share the name; like Python, show no source
		return ""
	}
	in.sourcesMu.Lock()
	lines := in.sources[file]
	in.sourcesMu.Unlock()
	if line < 1 || line > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[line-1])
}

// ReportError writes err's traceback to Stderr.
func (in *Interp) ReportError(err error) { in.reportf(err, "") }

// reportf writes a header line and err's traceback in one piece, under the
// output lock (stdout and stderr are often the same writer).
func (in *Interp) reportf(err error, format string, args ...any) {
	text := fmt.Sprintf(format, args...) + in.FormatError(err)
	in.Env.outMu.Lock()
	defer in.Env.outMu.Unlock()
	fmt.Fprintln(in.Env.Stderr, text)
}
