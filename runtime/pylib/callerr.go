package pylib

import (
	"errors"
	"strings"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// callError rewords an argument-binding error of method fn of class c
// (or one of its bases) as CPython does: "A.m() missing 1 required
// positional argument: 'x'". Other errors pass unchanged.
func callError(err error, fn starlark.Value, c *Class) error {
	f, ok := fn.(*starlark.Function)
	if !ok {
		return err
	}
	msg := err.Error()
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		msg = ee.Msg
	}
	if !strings.HasPrefix(msg, "function "+f.Name()+" ") {
		return err
	}
	owner := c.name
	for _, k := range c.linearization() {
		v := k.dict[pyrepr.FuncName(f.Name())]
		if d, ok := v.(*descriptor); ok {
			v = d.fn
		}
		if v == fn {
			owner = k.name
			break
		}
	}
	sig := exc.CallSignature{Display: owner + "." + pyrepr.FuncName(f.Name()), KwOnly: map[string]bool{}, Required: 0}
	named := f.NumParams()
	if f.HasVarargs() {
		named--
	}
	if f.HasKwargs() {
		named--
	}
	positional := named - f.NumKwonlyParams()
	for i := 0; i < named; i++ {
		name, _ := f.Param(i)
		if i >= positional {
			sig.KwOnly[name] = true
		} else if f.ParamDefault(i) == nil {
			sig.Required++
		}
	}
	if e := exc.CallError(msg, sig); e != nil {
		return e
	}
	return err
}
