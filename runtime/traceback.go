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
	if ee := deepestEvalError(err); ee != nil {
		frames := userFrames(pylib.CallStacks(ee)) // a generator's frames follow its consumer's
		if len(frames) > 0 {
			sb.WriteString("Traceback (most recent call last):\n")
			in.writeFrames(&sb, frames)
		}
	}
	sb.WriteString(ErrorLine(err))
	return sb.String()
}

// userFrames are the frames a Python traceback shows: no builtins, and a
// function the translator made for a try block or handler is part of the
// user's enclosing function (that one is shown, at the line in the block).
func userFrames(stack starlark.CallStack) []starlark.CallFrame {
	var frames []starlark.CallFrame
	for _, fr := range stack {
		if fr.Pos.Filename() == "<builtin>" {
			continue
		}
		if pylib.SyntheticFrame(fr.Name) && len(frames) > 0 {
			frames[len(frames)-1].Pos = fr.Pos
			continue
		}
		frames = append(frames, fr)
	}
	return frames
}

// repeatShown is how many identical frames in a row a traceback shows
// before "[Previous line repeated N more times]", as CPython does.
const repeatShown = 3

func (in *Interp) writeFrames(sb *strings.Builder, frames []starlark.CallFrame) {
	same := func(a, b starlark.CallFrame) bool {
		return a.Name == b.Name && a.Pos.Filename() == b.Pos.Filename() && a.Pos.Line == b.Pos.Line
	}
	for i := 0; i < len(frames); {
		j := i + 1
		for j < len(frames) && same(frames[i], frames[j]) {
			j++
		}
		for k := i; k < j && k < i+repeatShown; k++ {
			in.writeFrame(sb, frames[k])
		}
		if n := j - i - repeatShown; n > 0 {
			fmt.Fprintf(sb, "  [Previous line repeated %d more time%s]\n", n, plural(n))
		}
		i = j
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (in *Interp) writeFrame(sb *strings.Builder, fr starlark.CallFrame) {
	name := pylib.FrameName(fr.Name)
	if name == "<toplevel>" || name == "<expr>" {
		name = "<module>"
	}
	fmt.Fprintf(sb, "  File \"%s\", line %d, in %s\n", fr.Pos.Filename(), fr.Pos.Line, name)
	if line := in.sourceLine(fr.Pos.Filename(), int(fr.Pos.Line)); line != "" {
		fmt.Fprintf(sb, "    %s\n", line)
	}
}

// deepestEvalError is the EvalError in err's chain with the longest call
// stack: where the error happened, even when it was re-raised from a
// shallower frame.
func deepestEvalError(err error) *starlark.EvalError {
	var best *starlark.EvalError
	var walk func(error)
	walk = func(e error) {
		for e != nil {
			if ee, ok := e.(*starlark.EvalError); ok && (best == nil || len(ee.CallStack) > len(best.CallStack)) {
				best = ee
			}
			switch u := e.(type) {
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					walk(x)
				}
				return
			case interface{ Unwrap() error }:
				e = u.Unwrap()
			default:
				return
			}
		}
	}
	walk(err)
	return best
}

// ErrorLine is the last line of a traceback: "ValueError: msg".
func ErrorLine(err error) string {
	if reason, ok := pendingReason(err); ok {
		return reason
	}
	if IsCancelled(err) {
		return "KeyboardInterrupt"
	}
	if e, ok := exc.As(err); ok {
		return e.TracebackLine()
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		if e := exc.Classify(ee.Msg); e != nil {
			return e.TracebackLine()
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
