package pycompat

import (
	"os"
	"testing"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/pylib"
)

// BenchmarkTranslate: translating the OneNET MQTT sample (seed 003).
func BenchmarkTranslate(b *testing.B) {
	src, err := os.ReadFile("../../testdata/vendor/seed003_onenet_mqtt.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := Translate("s.py", src, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// benchLoop runs fn(n) from a translated script, timing one call per op.
func benchLoop(b *testing.B, src string) {
	res, err := Translate("b.py", []byte(src), nil)
	if err != nil {
		b.Fatal(err)
	}
	pred := starlark.StringDict{}
	for k, v := range pylib.Builtins() {
		pred[k] = v
	}
	prog, err := starlark.FileProgram(res.File, pred.Has)
	if err != nil {
		b.Fatal(err)
	}
	thread := &starlark.Thread{}
	g, err := prog.Init(thread, pred)
	if err != nil {
		b.Fatal(err)
	}
	fn := g["f"]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := starlark.Call(thread, fn, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTryNoError: cost of entering a try block that does not raise.
func BenchmarkTryNoError(b *testing.B) {
	benchLoop(b, "def f():\n    try:\n        x = 1\n    except ValueError:\n        x = 2\n    return x\n")
}

// BenchmarkTryCatch: raising and catching a ValueError.
func BenchmarkTryCatch(b *testing.B) {
	benchLoop(b, "def f():\n    try:\n        raise ValueError('v')\n    except ValueError as e:\n        return e\n")
}

// BenchmarkPlainCall: the same function without try, for comparison.
func BenchmarkPlainCall(b *testing.B) {
	benchLoop(b, "def f():\n    x = 1\n    return x\n")
}

// BenchmarkFormat: '{:.2f}'.format and '%5.1f' % on one value.
func BenchmarkFormat(b *testing.B) {
	benchLoop(b, "def f():\n    return '{:.2f} {}'.format(3.14159, 'x') + '%5.1f' % 2.5\n")
}
