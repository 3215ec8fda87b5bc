package cellular

import (
	"context"
	"errors"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "net", Doc: "network registration, signal, operator, radio, network mode (getConfig/setConfig)", New: newNet})
}

var errNoOperator = errors.New("not registered to a network")

func regList(r Reg) *starlark.List {
	// [state, lac, cid, rat, reject_cause, psc]: AT gives no reject cause or psc
	return list(ival(r.State), ival(r.LAC), ival(r.CI), ival(r.RAT), ival(0), ival(0))
}

func newNet(env *runtime.Env) (starlark.StringDict, error) {
	noArgs := func(f func(ctx context.Context, m Modem) (starlark.Value, error)) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return query(t, env, f)
		}
	}
	fns := map[string]builtinFn{
		"csqQueryPoll": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			v, err := m.CSQ(ctx)
			return ival(v), err
		}),
		"getState": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			v, d, err := m.Registration(ctx)
			return starlark.Tuple{regList(v), regList(d)}, err
		}),
		"getNetMode": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			op, err := m.Operator(ctx)
			if err == nil && op.MCC == "" {
				err = errNoOperator
			}
			return starlark.Tuple{ival(op.Mode), sval(op.MCC), sval(op.MNC), ival(op.AcT)}, err
		}),
		"operatorName": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			op, err := m.Operator(ctx)
			if err == nil && op.MCC == "" {
				err = errNoOperator
			}
			return starlark.Tuple{sval(op.Long), sval(op.Short), sval(op.MCC), sval(op.MNC)}, err
		}),
		"getSignal": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			sinr := 0
			if err := ints(b, args, kw, 1, &sinr); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "sinrEnable", sinr, 0, 1); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				s, err := m.Signal(ctx)
				gw := list(ival(s.RSSI), ival(s.BER), ival(s.RSCP), ival(s.ECNO))
				lte := list(ival(s.LTERSSI), ival(s.RSRP), ival(s.RSRQ), ival(s.CQI))
				if sinr == 1 {
					_ = lte.Append(ival(s.SINR))
				}
				return starlark.Tuple{gw, lte}, err
			})
		},
		"getModemFun": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			v, err := m.Fun(ctx)
			return ival(v), err
		}),
		"setModemFun": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			fun, rst := 0, 0
			if err := ints(b, args, kw, 1, &fun, &rst); err != nil {
				return nil, err
			}
			if fun != 0 && fun != 1 && fun != 4 {
				return nil, exc.ValueError("%s: fun %d: want 0, 1 or 4", b.Name(), fun)
			}
			if err := inRange(b.Name(), "rst", rst, 0, 1); err != nil {
				return nil, err
			}
			return action(t, env, func(ctx context.Context, m Modem) error { return m.SetFun(ctx, fun, rst == 1) })
		},
	}
	for name, f := range cellFns(env, noArgs) {
		fns[name] = f
	}
	for name, f := range netConfigFns(env) {
		fns[name] = f
	}
	return members(fns), nil
}
