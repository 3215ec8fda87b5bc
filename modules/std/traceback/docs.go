package traceback

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs, for help(), __doc__ and `qstar stubs`;
// TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("traceback", map[string]string{
		"format_exc":            "format_exc(limit=None, chain=True)\nThe traceback of the exception being handled, as one string (\"NoneType: None\\n\" outside an except block).",
		"print_exc":             "print_exc(limit=None, file=None, chain=True)\nPrint the traceback of the exception being handled to file (sys.stderr).",
		"format_exception":      "format_exception(exc, value=None, tb=None, limit=None, chain=True)\nAn exception's traceback as a list of strings: the header, one per frame, the exception line; format_exception(type, value, tb) formats value.",
		"print_exception":       "print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True)\nPrint an exception's traceback to file (sys.stderr).",
		"format_exception_only": "format_exception_only(exc, value=None)\nThe exception's last traceback line, in a list: ['ValueError: message\\n'].",
		"format_stack":          "format_stack(f=None, limit=None)\nThe calling thread's stack, outermost first, one string per frame.",
		"print_stack":           "print_stack(f=None, limit=None, file=None)\nPrint the calling thread's stack to file (sys.stderr).",
	})
}
