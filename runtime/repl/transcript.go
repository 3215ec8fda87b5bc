package repl

import "strings"

// Docs show REPL sessions with their prompts and results:
//
//	>>> import sim
//	>>> sim.getStatus()
//	1
//
// stripPrompt takes a pasted ">>> " or "... " (or a bare ">>>"/"...")
// off a line, so such lines can be pasted as they are.
// Docs often indent the whole session (inside a list), so a prompt may
// follow white space.
func stripPrompt(line string) (code string, prompted bool) {
	trimmed := strings.TrimLeft(line, " \t")
	for _, p := range []string{">>>", "..."} {
		if trimmed == p {
			return "", true
		}
		if rest, ok := strings.CutPrefix(trimmed, p+" "); ok {
			return rest, true
		}
	}
	return line, false
}

// transcriptReader runs a whole pasted session from piped input: when the
// first non-blank line has a prompt, only prompted lines are code, and the
// lines between them (the results the doc printed) are skipped.
type transcriptReader struct {
	next       func() (string, error)
	decided    bool
	transcript bool
}

func (r *transcriptReader) read() (string, error) {
	for {
		line, err := r.next()
		if err != nil {
			return "", err
		}
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue // a markdown code fence around a pasted doc session
		}
		code, prompted := stripPrompt(line)
		if !r.decided && strings.TrimSpace(line) != "" {
			r.decided, r.transcript = true, prompted
		}
		if r.transcript && !prompted {
			continue // a result printed in the doc, or commentary
		}
		return code, nil
	}
}
