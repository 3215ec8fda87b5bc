package pystd_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

func TestABCMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from abc import ABC, abstractmethod
class Store(ABC):
    def __init__(self):
        self.items = {}
    @abstractmethod
    def key(self, item):
        pass
    def add(self, item):
        self.items[self.key(item)] = item
        return self
class ByLength(Store):
    def key(self, item):
        return len(item)
s = ByLength().add("ab").add("xyz").add("cd")
print(s.items, isinstance(s, Store), isinstance(s, ABC), issubclass(ByLength, ABC), ByLength.__mro__[1].__name__)
`)
}
