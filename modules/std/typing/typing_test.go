package typing_test

import (
	"testing"

	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/typing"
)

// A script written with type hints runs: the imports resolve, aliases and
// TypeVar work, cast returns its value.
func TestTypedScript(t *testing.T) {
	in, out := runtimetest.NewInterp(t, nil)
	err := runtimetest.Exec(in, "typed.py", `from typing import Dict, List, Optional, TypeVar, cast, overload
import typing

T = TypeVar('T')
Table = Dict[str, List[int]]


def first(xs: List[T], default: Optional[T] = None) -> Optional[T]:
    return xs[0] if xs else default


table: Table = {'a': [1, 2]}
print(first(table['a']), first([], 'none'), cast(int, '7'), typing.TYPE_CHECKING)
print(Optional[int], T)
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := "1 none 7 False\ntyping.Optional ~T\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
