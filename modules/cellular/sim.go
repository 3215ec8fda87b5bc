package cellular

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "sim", Doc: "SIM card status, identities and PIN", New: newSim})
}

func newSim(env *runtime.Env) (starlark.StringDict, error) {
	// simInfo reads IMSI, ICCID or number: only from a ready card, as the
	// firmware checks getStatus()==1 first.
	simInfo := func(read func(m Modem, ctx context.Context) (string, error)) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			id := 0
			if err := ints(b, args, kw, 1, &id); err != nil {
				return nil, err
			}
			if err := simID(b.Name(), id); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				st, err := m.SIMStatus(ctx)
				if err != nil {
					return nil, err
				}
				if st != 1 {
					return fail, nil
				}
				s, err := read(m, ctx)
				return sval(s), err
			})
		}
	}
	// pinOp runs a PIN operation with n string arguments and an optional simId.
	pinOp := func(n int, op func(ctx context.Context, m Modem, p []string) error) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if len(kw) > 0 || len(args) < n || len(args) > n+1 {
				return nil, exc.TypeError("%s() takes %d or %d arguments (%d given)", b.Name(), n, n+1, len(args))
			}
			p := make([]string, n)
			for i := range n {
				s, err := str(b.Name(), args[i], "PIN")
				if err != nil {
					return nil, err
				}
				if !pinLike(s) {
					return nil, exc.ValueError("%s: a PIN or PUK is 1 to 15 digits", b.Name())
				}
				p[i] = s
			}
			if len(args) > n {
				id, err := starlark.AsInt32(args[n])
				if err != nil {
					return nil, exc.TypeError("%s: simId must be an int", b.Name())
				}
				if err := simID(b.Name(), id); err != nil {
					return nil, err
				}
			}
			return action(t, env, func(ctx context.Context, m Modem) error { return op(ctx, m, p) })
		}
	}
	fns := map[string]builtinFn{
		"getStatus": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			id := 0
			if err := ints(b, args, kw, 1, &id); err != nil {
				return nil, err
			}
			if err := simID(b.Name(), id); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				st, err := m.SIMStatus(ctx)
				return ival(st), err
			})
		},
		"getImsi":        simInfo(Modem.IMSI),
		"getIccid":       simInfo(Modem.ICCID),
		"getPhoneNumber": simInfo(Modem.PhoneNumber),
		"getPinRemAttempts": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			flag := 0
			if err := ints(b, args, kw, 1, &flag); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "flag", flag, 0, 1); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				a, err := m.PINAttempts(ctx)
				if flag == 1 {
					return starlark.Tuple{ival(a[0]), ival(a[1]), ival(a[2]), ival(a[3])}, err
				}
				return starlark.Tuple{ival(a[0]), ival(a[1])}, err
			})
		},
		"verifyPin": pinOp(1, func(ctx context.Context, m Modem, p []string) error { return m.VerifyPIN(ctx, p[0]) }),
		"enablePin": pinOp(1, func(ctx context.Context, m Modem, p []string) error { return m.SetPINEnabled(ctx, true, p[0]) }),
		"disablePin": pinOp(1, func(ctx context.Context, m Modem, p []string) error {
			return m.SetPINEnabled(ctx, false, p[0])
		}),
		"changePin":  pinOp(2, func(ctx context.Context, m Modem, p []string) error { return m.ChangePIN(ctx, p[0], p[1]) }),
		"unblockPin": pinOp(2, func(ctx context.Context, m Modem, p []string) error { return m.UnblockPIN(ctx, p[0], p[1]) }),
		"setSimDet": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var sw, level int
			if err := ints(b, args, kw, 0, &sw, &level); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "switch", sw, 0, 1); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "triggerLevel", level, 0, 1); err != nil {
				return nil, err
			}
			return action(t, env, func(ctx context.Context, m Modem) error { return m.SetSimDet(ctx, sw, level) })
		},
		"getSimDet": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				e, l, err := m.SimDet(ctx)
				return starlark.Tuple{ival(e), ival(l)}, err
			})
		},
		"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
				return nil, err
			}
			return setCallback(t, env, "sim", fn)
		},
	}
	for name, f := range simBookFns(env) {
		fns[name] = f
	}
	// A gateway's modem has one SIM slot: it is card 0, and switching to
	// card 1 fails as on a single-SIM module.
	fns["getCurSimid"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := ints(b, args, kw, 0); err != nil {
			return nil, err
		}
		return ival(0), nil
	}
	fns["switchCard"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var id int
		if err := ints(b, args, kw, 0, &id); err != nil {
			return nil, err
		}
		if err := simID(b.Name(), id); err != nil {
			return nil, err
		}
		if id != 0 {
			return ival(-1), nil
		}
		return ival(0), nil
	}
	fns["setSwitchcardCallback"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var fn starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
			return nil, err
		}
		if _, ok := fn.(starlark.Callable); !ok {
			return ival(-1), nil
		}
		return ival(0), nil
	}
	return members(fns), nil
}

// pinLike reports whether s can be a PIN or PUK: 1 to 15 digits.
func pinLike(s string) bool { return digits(s, 1, 15) }
