package pycompat

import "testing"

const benchClass = `class V:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x
    def __add__(self, o):
        return V(self.x + o.x)
    def __lt__(self, o):
        return self.x < o.x
    @property
    def double(self):
        return self.x * 2
a, b = V(1), V(2)
`

// BenchmarkMethodCall: obj.method() on a script class.
func BenchmarkMethodCall(b *testing.B) {
	benchLoop(b, benchClass+"def f():\n    return a.get()\n")
}

// BenchmarkDunderAdd: a + b through __add__ (a new instance each time).
func BenchmarkDunderAdd(b *testing.B) {
	benchLoop(b, benchClass+"def f():\n    return a + b\n")
}

// BenchmarkRichCompare: a < b through __lt__, via _richcmp.
func BenchmarkRichCompare(b *testing.B) {
	benchLoop(b, benchClass+"def f():\n    return a < b\n")
}

// BenchmarkProperty: a property read.
func BenchmarkProperty(b *testing.B) {
	benchLoop(b, benchClass+"def f():\n    return a.double\n")
}
