package pystd_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/pystd"
)

func TestTypingStringBisectCopyMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from typing import List, Dict, Optional, Tuple, Any
import string, bisect, copy
Vector = List[float]
def total(xs: List[int], default: Optional[int] = None) -> int:
    return sum(xs)
print(total([1, 2]), Vector)
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"), len(string.punctuation))
a = [1, 3, 5, 7]
print(bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))
bisect.insort(a, 4)
print(a)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
n = [[1, 2], {"k": [3]}]
s = copy.copy(n)
d = copy.deepcopy(n)
n[0].append(9)
n[1]["k"].append(4)
print(s, d)
from typing import TypeVar, cast
T = TypeVar("T")
print(cast(int, "x"), bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), copy.copy({1, 2}) == {1, 2})
`)
}
