package runtime

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// ExceptionChunks is exception v's traceback as the traceback module
// gives it (format_exception): the header, one string per frame, and the
// exception line, each ending in a newline. The frames run from the one
// that caught v, as seen from thread t, down to where v was raised; an
// exception never raised has its line only.
func (in *Interp) ExceptionChunks(t *starlark.Thread, v starlark.Value) []string {
	line := ExceptionOnly(v)
	err := pylib.ExceptionErr(v)
	if err == nil {
		return []string{line + "\n"}
	}
	if l := ErrorLine(err); l != "" {
		line = l
	}
	var frames []starlark.CallFrame
	if ee := deepestEvalError(err); ee != nil {
		frames = userFrames(pylib.CallStacks(ee))
	}
	// the frames above the one that caught it are the handler's callers
	if t != nil {
		here := userFrames(t.CallStack())
		common := 0
		for common < len(here) && common < len(frames) && sameFunction(here[common], frames[common]) {
			common++
		}
		if common > 1 {
			frames = frames[common-1:]
		}
	}
	if len(frames) == 0 {
		return []string{line + "\n"}
	}
	chunks := []string{"Traceback (most recent call last):\n"}
	for _, fr := range frames {
		chunks = append(chunks, in.FrameText(fr))
	}
	return append(chunks, line+"\n")
}

// StackChunks is thread t's own stack, outermost first, one string per
// frame (traceback.format_stack).
func (in *Interp) StackChunks(t *starlark.Thread) []string {
	var chunks []string
	for _, fr := range userFrames(t.CallStack()) {
		chunks = append(chunks, in.FrameText(fr))
	}
	return chunks
}

// FrameText is one traceback frame: its File line and its source line.
func (in *Interp) FrameText(fr starlark.CallFrame) string {
	var sb strings.Builder
	in.writeFrame(&sb, fr)
	return sb.String()
}

func sameFunction(a, b starlark.CallFrame) bool {
	return a.Name == b.Name && a.Pos.Filename() == b.Pos.Filename()
}

// ExceptionOnly is an exception's last traceback line: "ValueError: msg",
// or the type alone when the message is empty.
func ExceptionOnly(v starlark.Value) string {
	if v == nil || v == starlark.None {
		return "NoneType: None"
	}
	if s, ok := v.(starlark.String); ok { // Starlark's fail()
		return string(s)
	}
	if msg := pyrepr.Str(v); msg != "" {
		return fmt.Sprintf("%s: %s", v.Type(), msg)
	}
	return v.Type()
}

// UserFrames is thread t's stack as a traceback shows it, outermost first.
func (in *Interp) UserFrames(t *starlark.Thread) []starlark.CallFrame {
	return userFrames(t.CallStack())
}

// SourceLine is line n of a file the interpreter ran, trimmed ("" if unknown).
func (in *Interp) SourceLine(file string, n int) string { return in.sourceLine(file, n) }
