package pylib

import "go.starlark.net/starlark"

// ellipsisValue is Python's Ellipsis (`...` as a value).
type ellipsisValue struct{}

func (ellipsisValue) String() string        { return "Ellipsis" }
func (ellipsisValue) Type() string          { return "ellipsis" }
func (ellipsisValue) Freeze()               {}
func (ellipsisValue) Truth() starlark.Bool  { return true }
func (ellipsisValue) Hash() (uint32, error) { return 0x2e2e2e, nil }
