package ujson

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of ujson/json, for help(), __doc__ and `qstar stubs`.
func init() {
	docs := map[string]string{
		"dumps":           "dumps(obj, /, separators=None, indent=None, sort_keys=False)\nobj as JSON text, formatted as CPython's json.dumps.",
		"loads":           "loads(s, /)\nThe value of the JSON text s (str or bytes); ValueError on bad JSON.",
		"dump":            "dump(obj, stream, /, separators=None, indent=None, sort_keys=False)\nWrite obj as JSON to stream.",
		"load":            "load(stream, /)\nRead a JSON value from stream.",
		"encode":          "encode(obj, /)\nAs dumps (QuecPython's older name).",
		"decode":          "decode(s, /)\nAs loads (QuecPython's older name).",
		"JSONDecodeError": "JSONDecodeError(msg)\nThe ValueError loads raises for text that is not JSON.",
	}
	runtime.RegisterDocs("ujson", docs)
	runtime.RegisterDocs("json", docs)
}
