package ujson_test

import (
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	_ "github.com/qstar-dev/qstar/modules/std/ujson"
)

func TestDumpsMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("json", "json")`, "import json", []string{
		`json.dumps({'a': 1})`,
		`json.dumps({'a': [1, 2.5, None, True, False], 'b': {'c': 'd'}})`,
		`json.dumps([])`, `json.dumps({})`, `json.dumps('')`,
		`json.dumps("quote\" back\\ nl\n tab\t cr\r bs\b ff\f ctl\x01 del\x7f")`,
		`json.dumps('héllo wörld 中文 😀')`,
		`json.dumps('héllo 中文 😀', ensure_ascii=False)`,
		`json.dumps({1: 'int key', 2.5: 'float', None: 'n'})`, `json.dumps({False: 'f'})`,
		`json.dumps([1e100, 1e-7, 0.1, 123456789012345678901234567890, -0.0, 3.0])`,
		`json.dumps(float('inf'))`, `json.dumps(float('nan'))`, `json.dumps(-float('inf'))`,
		`json.dumps((1, (2, 3)))`,
		`json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':'))`,
		`json.dumps({'a': 1, 'b': [1, {'x': []}], 'c': {}}, indent=2)`,
		`json.dumps([1, [2]], indent=0)`,
		`json.dumps({'a': 1}, indent='\t')`,
		`json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True)`,
		`json.dumps({'a': 1}, indent=2, separators=(', ', ' = '))`,
	})
}

func TestLoadsMatchesCPython(t *testing.T) {
	stdtest.CompareWithPython(t, `load("json", "json")`, "import json", []string{
		`json.loads('{"a": 1, "b": [1, 2.5, null, true, false], "c": {"d": "e"}}')`,
		`json.loads(b'[1, -2, 3.0, 1e3, -1.5E-3, 0]')`,
		`json.loads('123456789012345678901234567890')`,
		`json.loads('"\\u00e9\\ud83d\\ude00 \\n\\t\\/\\\\ \\"x"')`,
		`json.loads('  \n [ ] ')`,
		`json.loads('{"a": 1, "a": 2}')`,
		`json.loads('[NaN, Infinity, -Infinity]')`,
		`json.loads('"中文"')`,
		`json.loads(b'\xef\xbb\xbf{"bom": 1}')`,
		`json.loads('1e400')`,
	})
}

func TestLoadsErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, `load("json", "json")`, "import json", []string{
		`json.loads('')`,
		`json.loads('[1, 2')`,
		`json.loads('{"a" 1}')`,
		`json.loads('{"a": 1,}')`,
		`json.loads("{'a': 1}")`,
		`json.loads('[1,]')`,
		`json.loads('"abc')`,
		`json.loads('"a\\qb"')`,
		`json.loads('"\\u12"')`,
		`json.loads('"a\x01"')`,
		`json.loads('[1] x')`,
		`json.loads('{\n  "a": tru\n}')`,
		`json.loads('01')`,
		`json.loads('-')`,
		`json.loads('"中文" x')`,
	}, func(err error) string {
		e, ok := exc.As(err)
		if !ok {
			return "not a Python exception: " + err.Error()
		}
		// CPython raises JSONDecodeError, a ValueError subclass.
		return strings.TrimPrefix(e.Error(), "json.decoder.")
	})
}

func TestDumpsErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`json.dumps(b'x')`, "TypeError: Object of type bytes is not JSON serializable"},
		{`json.dumps({(1, 2): 3})`, "TypeError: keys must be str, int, float, bool or None, not tuple"},
		{"l = []\nl.append(l)\njson.dumps(l)", "ValueError: Circular reference detected"},
		{`json.dumps(float('nan'), allow_nan=False)`, "ValueError: Out of range float values are not JSON compliant"},
		{`json.loads(5)`, "TypeError: the JSON object must be str or bytes, not int"},
		{`json.dumps(1, bogus=1)`, "TypeError: dumps() got an unexpected keyword argument 'bogus'"},
	} {
		_, err := stdtest.Run(t, "load(\"json\", \"json\")\n"+tc.src, nil)
		if err == nil || runtime.ErrorLine(err) != tc.want {
			t.Errorf("%s: got %v, want %s", tc.src, err, tc.want)
		}
	}
}

func TestUjsonAliases(t *testing.T) {
	out := stdtest.MustRun(t, `
load("ujson", "dumps", "loads", "encode", "decode")
def conv(x):
    return {"set": sorted(x)}
print(encode({"k": [1, 2]}) == dumps({"k": [1, 2]}), decode("[1]") == loads("[1]"))
print(dumps(set([3, 1]), default=conv))
`, nil)
	want := "True True\n{\"set\": [1, 3]}\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// dump and load talk to any object with write()/read().
func TestDumpLoadStreams(t *testing.T) {
	m, err := runtime.Lookup("ujson")
	if !err {
		t.Fatal("ujson not registered")
	}
	members, _ := m.New(runtime.NewEnv())
	var written []string
	stream := starlarkstruct.FromStringDict(starlarkstruct.Default, starlark.StringDict{
		"write": starlark.NewBuiltin("write", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			written = append(written, string(args[0].(starlark.String)))
			return starlark.None, nil
		}),
		"read": starlark.NewBuiltin("read", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bytes(`{"y": [true, 1.5]}`), nil
		}),
	})
	th := &starlark.Thread{}
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("x"), starlark.MakeInt(1))
	if _, err := starlark.Call(th, members["dump"], starlark.Tuple{d, stream}, []starlark.Tuple{{starlark.String("indent"), starlark.MakeInt(1)}}); err != nil {
		t.Fatal(err)
	}
	if len(written) != 1 || written[0] != "{\n \"x\": 1\n}" {
		t.Errorf("dump wrote %q", written)
	}
	v, err2 := starlark.Call(th, members["load"], starlark.Tuple{stream}, nil)
	if err2 != nil {
		t.Fatal(err2)
	}
	if got := pyrepr.Repr(v); got != "{'y': [True, 1.5]}" {
		t.Errorf("load gave %s", got)
	}
	if _, err := starlark.Call(th, members["load"], starlark.Tuple{starlark.MakeInt(1)}, nil); err == nil || !strings.Contains(err.Error(), "read() method") {
		t.Errorf("load(1): %v", err)
	}
}

func TestRoundTrip(t *testing.T) {
	out := stdtest.MustRun(t, `
load("ujson", "dumps", "loads")
v = {"a": [1, 2.5, "s\u00e9", None, True, {"b": []}], "big": 1 << 70}
print(loads(dumps(v)) == v, loads(dumps(v, indent=3)) == v, loads(dumps(v, ensure_ascii=False)) == v)
`, nil)
	if out != "True True True\n" {
		t.Errorf("round trip: %s", out)
	}
}

func BenchmarkDumps(b *testing.B) {
	src := `
load("ujson", "dumps", "loads")
v = {"temperature": 21.5, "humidity": 40, "ids": [1, 2, 3, 4, 5], "name": "sensor-1", "ok": True}
for i in range(N):
    s = dumps(v)
    loads(s)
`
	for b.Loop() {
		stdtest.MustRun(b, strings.Replace(src, "N", "1000", 1), nil)
	}
}
