package pylib

import (
	"sort"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
)

// Abstract methods (abc): a class deriving from an ABC base refuses to be
// instantiated while a method marked @abstractmethod is not overridden,
// with CPython's message.

// abstractFns are the functions @abstractmethod marked. A function value
// stays what it is (calls, binding and __name__ unchanged); only class
// creation asks this set.
var abstractFns sync.Map // starlark.Value -> true

// MarkAbstract is abc.abstractmethod: fn, remembered as abstract.
func MarkAbstract(fn starlark.Value) starlark.Value {
	switch fn.(type) {
	case *starlark.Function, *descriptor, *fnObj:
		abstractFns.Store(fn, true)
	}
	return fn
}

func isAbstract(v starlark.Value) bool {
	if d, ok := v.(*descriptor); ok {
		if _, marked := abstractFns.Load(v); marked {
			return true
		}
		return d.fn != nil && isAbstract(d.fn)
	}
	switch v.(type) {
	case *starlark.Function, *fnObj:
		_, marked := abstractFns.Load(v)
		return marked
	}
	return false
}

// NewABCClass is abc.ABC: its subclasses check their abstract methods.
func NewABCClass(name string) starlark.Value {
	c := &Class{name: name, dict: starlark.StringDict{}, shared: true, abc: true}
	c.linearization()
	return c
}

// findAbstract sets c.abstract: the names whose method, as c resolves
// them, is still abstract.
func (c *Class) findAbstract() {
	isABC := false
	for _, k := range c.mro {
		if k.abc {
			isABC = true
		}
	}
	if !isABC {
		return
	}
	seen := map[string]bool{}
	for _, k := range c.mro {
		for name := range k.dict {
			if seen[name] {
				continue
			}
			seen[name] = true
			if isAbstract(c.lookup(name)) {
				c.abstract = append(c.abstract, name)
			}
		}
	}
	sort.Strings(c.abstract)
}

func (c *Class) abstractError() error {
	word := "method"
	if len(c.abstract) > 1 {
		word = "methods"
	}
	return exc.TypeError("Can't instantiate abstract class %s with abstract %s %s", shortName(c.name), word, strings.Join(c.abstract, ", "))
}
