package cellular

import (
	"context"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "dataCall", Doc: "PDP contexts: APN, dial, addresses", New: newDataCall})
}

func checkCID(fn string, cid int) error { return inRange(fn, "profileID", cid, 1, profile.MaxCID) }

// infoTuple builds dataCall.getInfo's value. Element [1] is the bearer's
// IP version, as in the firmware; the lists hold [state, reconnect, addr,
// priDNS, secDNS] with '0.0.0.0' / '::' for unset.
func infoTuple(cid, ipType int, pi PDPInfo) starlark.Value {
	state := 0
	if pi.Active {
		state = 1
	}
	v4 := list(ival(state), ival(0), sval(or(pi.IPv4, "0.0.0.0")), sval(or(pi.DNS4[0], "0.0.0.0")), sval(or(pi.DNS4[1], "0.0.0.0")))
	v6 := list(ival(state), ival(0), sval(or(pi.IPv6, "::")), sval(or(pi.DNS6[0], "::")), sval(or(pi.DNS6[1], "::")))
	head := starlark.Tuple{ival(cid), ival(pi.IPType)}
	switch ipType {
	case 0:
		return append(head, v4)
	case 1:
		return append(head, v6)
	}
	return append(head, v4, v6)
}

func newDataCall(env *runtime.Env) (starlark.StringDict, error) {
	setPDP := func(b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (int, PDPContext, error) {
		var cid, ipType, auth int
		var apn, user, pwd string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 6, &cid, &ipType, &apn, &user, &pwd, &auth); err != nil {
			return 0, PDPContext{}, exc.TypeError("%v", err)
		}
		if err := checkCID(b.Name(), cid); err != nil {
			return 0, PDPContext{}, err
		}
		if err := inRange(b.Name(), "ipType", ipType, 0, 2); err != nil {
			return 0, PDPContext{}, err
		}
		if err := inRange(b.Name(), "authType", auth, 0, 3); err != nil {
			return 0, PDPContext{}, err
		}
		for _, s := range []string{apn, user, pwd} {
			if len(s) > 64 || !at.Safe(s) {
				return 0, PDPContext{}, exc.ValueError("%s: APN, username and password are up to 64 bytes without quotes or control characters", b.Name())
			}
		}
		return cid, PDPContext{IPType: ipType, APN: apn, User: user, Pwd: pwd, Auth: auth}, nil
	}
	cidOp := func(op func(m Modem, ctx context.Context, cid int) error) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var cid int
			if err := ints(b, args, kw, 0, &cid); err != nil {
				return nil, err
			}
			if err := checkCID(b.Name(), cid); err != nil {
				return nil, err
			}
			return action(t, env, func(ctx context.Context, m Modem) error { return op(m, ctx, cid) })
		}
	}
	// flag stores a per-context switch kept on the gateway (setAutoActivate,
	// setAutoConnect): Quectel's QIACT contexts have no modem-side setting.
	flag := func(pick func(b *backend) map[int]bool) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var cid, enable int
			if err := ints(b, args, kw, 0, &cid, &enable); err != nil {
				return nil, err
			}
			if err := checkCID(b.Name(), cid); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "enable", enable, 0, 1); err != nil {
				return nil, err
			}
			be := backendOf(env)
			be.mu.Lock()
			pick(be)[cid] = enable == 1
			be.mu.Unlock()
			return ival(0), nil
		}
	}
	setDNS := func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var cid, sim int
		var pri, sec string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 4, &cid, &sim, &pri, &sec); err != nil {
			return nil, exc.TypeError("%v", err)
		}
		if err := checkCID(b.Name(), cid); err != nil {
			return nil, err
		}
		if err := simID(b.Name(), sim); err != nil {
			return nil, err
		}
		for _, s := range []string{pri, sec} {
			if len(s) > 64 || !at.Safe(s) {
				return nil, exc.ValueError("%s: invalid DNS server %q", b.Name(), s)
			}
		}
		return action(t, env, func(ctx context.Context, m Modem) error { return m.SetDNS(ctx, cid, pri, sec) })
	}
	fns := map[string]builtinFn{
		"getInfo": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var cid, ipType int
			if err := ints(b, args, kw, 0, &cid, &ipType); err != nil {
				return nil, err
			}
			if err := checkCID(b.Name(), cid); err != nil {
				return nil, err
			}
			if err := inRange(b.Name(), "ipType", ipType, 0, 2); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				pi, err := m.PDPInfo(ctx, cid)
				return infoTuple(cid, ipType, pi), err
			})
		},
		"setPDPContext": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			cid, c, err := setPDP(b, args, kw)
			if err != nil {
				return nil, err
			}
			return action(t, env, func(ctx context.Context, m Modem) error { return m.SetContext(ctx, cid, c) })
		},
		// start is the legacy set-and-dial.
		"start": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			cid, c, err := setPDP(b, args, kw)
			if err != nil {
				return nil, err
			}
			return action(t, env, func(ctx context.Context, m Modem) error {
				if err := m.SetContext(ctx, cid, c); err != nil {
					return err
				}
				return m.Activate(ctx, cid)
			})
		},
		"getPDPContext": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var cid int
			if err := ints(b, args, kw, 0, &cid); err != nil {
				return nil, err
			}
			if err := checkCID(b.Name(), cid); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				c, err := m.Context(ctx, cid)
				return starlark.Tuple{ival(c.IPType), sval(c.APN), sval(c.User), sval(c.Pwd), ival(c.Auth)}, err
			})
		},
		"getApn": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			sim, cid := 0, 1
			if err := ints(b, args, kw, 1, &sim, &cid); err != nil {
				return nil, err
			}
			if err := simID(b.Name(), sim); err != nil {
				return nil, err
			}
			if err := checkCID(b.Name(), cid); err != nil {
				return nil, err
			}
			return query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
				c, err := m.Context(ctx, cid)
				return sval(c.APN), err
			})
		},
		"activate":        cidOp(Modem.Activate),
		"deactivate":      cidOp(Modem.Deactivate),
		"setAutoActivate": flag(func(b *backend) map[int]bool { return b.autoAct }),
		"setAutoConnect":  flag(func(b *backend) map[int]bool { return b.autoOn }),
		"setDNSServer":    setDNS,
		"setDnsserver":    setDNS,
		"getPdpRange": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return starlark.Tuple{ival(1), ival(profile.MaxCID)}, nil
		},
		"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 1, &fn); err != nil {
				return nil, err
			}
			return setCallback(t, env, "dataCall", fn)
		},
	}
	// setApn is the older firmware's name for setPDPContext (same arguments).
	fns["setApn"] = fns["setPDPContext"]
	// recordApn(profileIdx, ipType, apn, username, password, authType, flag)
	// is what the firmware's boot calls to keep the APN it dials with: the
	// context's settings, flag saying whether to keep them (ignored: the
	// modem keeps its contexts).
	fns["recordApn"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 7 {
			if _, err := starlark.AsInt32(args[6]); err != nil {
				return nil, exc.TypeError("%s: flag must be an int, not %s", b.Name(), args[6].Type())
			}
			args = args[:6]
		}
		cid, c, err := setPDP(b, args, kw)
		if err != nil {
			return nil, err
		}
		return action(t, env, func(ctx context.Context, m Modem) error { return m.SetContext(ctx, cid, c) })
	}
	// setAsynMode(mode) makes the firmware's start() return before the dial
	// finishes (1) or wait for it (0, the default); qstar's dial returns
	// when the modem has answered either way.
	fns["setAsynMode"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var mode int
		if err := ints(b, args, kw, 0, &mode); err != nil {
			return nil, err
		}
		if err := inRange(b.Name(), "mode", mode, 0, 1); err != nil {
			return nil, err
		}
		return ival(0), nil
	}
	return members(fns), nil
}
