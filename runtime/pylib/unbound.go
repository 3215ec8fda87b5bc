package pylib

import (
	"github.com/qstar-dev/qstar/runtime/exc"
	"go.starlark.net/starlark"
)

// The run-time half of `del name` (runtime/pycompat/unbound.go): the
// translator assigns the sentinel _deleted() and guards reads with
// _bound(value, name, local[, hint]).

type deletedValue struct{}

// deleted is the value a deleted name holds until it is assigned again.
var deleted starlark.Value = deletedValue{}

func (deletedValue) String() string        { return "<deleted>" }
func (deletedValue) Type() string          { return "deleted" }
func (deletedValue) Freeze()               {}
func (deletedValue) Truth() starlark.Bool  { return false }
func (deletedValue) Hash() (uint32, error) { return 0, nil }

// unboundError is Python's error for reading name with no value: a
// function's local raises UnboundLocalError (a NameError).
func unboundError(name string, local bool) *exc.Error {
	if local {
		return exc.New("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", name)
	}
	return exc.New("NameError", "name '%s' is not defined", name)
}

func unboundHelpers() starlark.StringDict {
	return starlark.StringDict{
		"_deleted": starlark.NewBuiltin("_deleted", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return deleted, helperArgs("_deleted", args, kwargs, 0)
		}),
		"_bound": starlark.NewBuiltin("_bound", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := helperArgs("_bound", args, kwargs, -1); err != nil || len(args) != 3 && len(args) != 4 {
				if err == nil {
					err = exc.TypeError("_bound() takes 3 or 4 arguments (%d given)", len(args))
				}
				return nil, err
			}
			if args[0] != deleted {
				return args[0], nil
			}
			name, _ := starlark.AsString(args[1])
			e := unboundError(name, bool(args[2].Truth()))
			if len(args) == 4 {
				hint, _ := starlark.AsString(args[3])
				e.Suggest = func() string { return hint }
			}
			return nil, e
		}),
	}
}
