package log

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of QuecPython's log module, for help(), __doc__ and
// `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"basicConfig": "basicConfig(level=INFO)\nSet the level below which no logger prints (log.DEBUG ... log.CRITICAL).",
		"getLogger":   "getLogger(name='root', /)\nThe logger called name: debug/info/warning/error/critical(msg, *args) and setLevel(level).",
		"set_output":  "set_output(out, /)\nSend log lines to out, any object with write() (sys.stdout or a machine.UART).",
		"NOTSET":      "NOTSET\nLevel 0: a logger's own level is unset and basicConfig's applies.",
		"DEBUG":       "DEBUG\nLevel 10: detail for debugging.",
		"INFO":        "INFO\nLevel 20: normal events (the default threshold).",
		"WARNING":     "WARNING\nLevel 30: something unexpected that the script survives.",
		"ERROR":       "ERROR\nLevel 40: an operation failed.",
		"CRITICAL":    "CRITICAL\nLevel 50: the script cannot go on.",
	}
	for _, level := range []string{"debug", "info", "warning", "error", "critical"} {
		docs[level] = level + "(msg, /, *args)\nLog msg % args at level " + level + " on the root logger, as \"LEVEL | root | msg\"."
	}
	runtime.RegisterDocs("log", docs)
}
