package pycompat

import "testing"

// TestPrivateNamesAsQuecPython: QuecPython does not mangle __names, so
// device code may have a subclass read and update its base's private
// attribute, and a method call a module-level __helper. Both keep working
// while obj.__dict__ shows CPython's mangled names.
func TestPrivateNamesAsQuecPython(t *testing.T) {
	src := `class Sem(object):
    def __init__(self, value=1):
        self.__value = value
    def acquire(self):
        self.__value -= 1
    def value(self):
        return self.__value
class Bounded(Sem):
    def __init__(self, value=1):
        super().__init__(value)
        self.__initial = value
    def release(self):
        if self.__value + 1 > self.__initial:
            raise ValueError('released too many times')
        self.__value += 1
b = Bounded(2)
b.acquire()
b.release()
print(b.value(), sorted(vars(b)))
try:
    b.release()
except ValueError as e:
    print(e)
def __helper():
    return 'helper'
class UsesHelper:
    def run(self):
        return __helper()
print(UsesHelper().run())
`
	r := runPy(t, "private.py", src)
	want := "2 ['_Bounded__initial', '_Sem__value']\nreleased too many times\nhelper\n"
	if r.err != nil || r.out != want {
		t.Errorf("got %q (%v), want %q", r.out, r.err, want)
	}
}
