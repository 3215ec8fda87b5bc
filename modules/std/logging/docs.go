package logging

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of logging, for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	record := "(msg, /, *args, exc_info=None, stack_info=False, stacklevel=1, extra=None)"
	docs := map[string]string{
		"getLogger":       "getLogger(name=None)\nThe logger called name (dotted names make a hierarchy), or the root logger.",
		"basicConfig":     "basicConfig(*, level=None, format=None, datefmt=None, stream=None, filename=None, filemode=None, style=None, force=None, handlers=None, encoding=None, errors=None)\nGive the root logger a handler (stderr, stream, or filename) and formatter, unless it has one or force is True.",
		"getLevelName":    "getLevelName(level, /)\nThe name of a level number ('WARNING'), or the number of a level name.",
		"addLevelName":    "addLevelName(level, levelName, /)\nName a level number.",
		"disable":         "disable(level=CRITICAL)\nDrop every record at level or below, on every logger.",
		"shutdown":        "shutdown()\nFlush and close handlers (they write as they go: nothing to do).",
		"captureWarnings": "captureWarnings(capture)\nAccepted for CPython compatibility: there is no warnings module.",
		"log":             "log(level, msg, /, *args, exc_info=None, stack_info=False, stacklevel=1, extra=None)\nLog msg % args at level on the root logger (configuring it first, as basicConfig() does).",
		"StreamHandler":   "StreamHandler(stream=None)\nA handler writing records to stream (sys.stderr by default).",
		"FileHandler":     "FileHandler(filename, mode='a', encoding=None, delay=False, errors=None)\nA handler appending records to a file on the device filesystem.",
		"NullHandler":     "NullHandler()\nA handler that drops every record (for libraries).",
		"Handler":         "Handler(level=NOTSET)\nBase class of handlers: setLevel, setFormatter, addFilter, emit, handle.",
		"Formatter":       "Formatter(fmt=None, datefmt=None, style='%', validate=True, defaults=None)\nFormats a record with %(name)s-style fields: asctime, levelname, name, message, ...",
		"Logger":          "Logger(name, level=NOTSET)\nA logger: debug/info/warning/error/critical/exception/log, setLevel, addHandler, propagate.",
		"root":            "root\nThe root logger (getLogger() with no name).",
		"lastResort":      "lastResort\nThe handler used when no handler is configured: WARNING and up, message only, to stderr.",
		"BASIC_FORMAT":    "BASIC_FORMAT\nbasicConfig's default format, '%(levelname)s:%(name)s:%(message)s'.",
		"NOTSET":          "NOTSET\nLevel 0: follow the parent logger's level.",
		"DEBUG":           "DEBUG\nLevel 10: detail for debugging.",
		"INFO":            "INFO\nLevel 20: normal events.",
		"WARNING":         "WARNING\nLevel 30: something unexpected (the root logger's default level).",
		"WARN":            "WARN\nOlder name of WARNING.",
		"ERROR":           "ERROR\nLevel 40: an operation failed.",
		"CRITICAL":        "CRITICAL\nLevel 50: the program cannot go on.",
		"FATAL":           "FATAL\nOlder name of CRITICAL.",
	}
	for _, m := range []string{"debug", "info", "warning", "error", "critical"} {
		docs[m] = m + record + "\nLog msg % args at level " + m + " on the root logger (configuring it first, as basicConfig() does)."
	}
	docs["warn"] = "warn" + record + "\nOlder name of warning."
	docs["fatal"] = "fatal" + record + "\nOlder name of critical."
	docs["exception"] = "exception" + record + "\nLog at level error with the exception being handled."
	runtime.RegisterDocs("logging", docs)
}
