package signal

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs, for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"signal":              "signal(signalnum, handler, /)\nSet handler (a callable taking (signum, frame), SIG_IGN or SIG_DFL) for the signal and return the previous one; it runs as a callback under the interpreter lock.",
		"getsignal":           "getsignal(signalnum, /)\nThe signal's current handler (SIG_DFL if none was set).",
		"raise_signal":        "raise_signal(signalnum, /)\nSend the signal to this process.",
		"alarm":               "alarm(seconds, /)\nSend SIGALRM after seconds (0 cancels); returns the seconds left of the previous alarm.",
		"strsignal":           "strsignal(signalnum, /)\nThe signal's description: 'Terminated', 'Interrupt', ...",
		"valid_signals":       "valid_signals()\nThe set of valid signal numbers.",
		"default_int_handler": "default_int_handler(signalnum, frame, /)\nRaise KeyboardInterrupt, the default SIGINT handling.",
		"SIG_DFL":             "SIG_DFL\n0: the signal's default handling.",
		"SIG_IGN":             "SIG_IGN\n1: ignore the signal.",
		"NSIG":                "NSIG\nOne more than the highest signal number.",
	}
	for name := range names {
		docs[name] = name + "\nThe signal's number (Linux)."
	}
	runtime.RegisterDocs("signal", docs)
}
