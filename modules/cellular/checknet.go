package cellular

import (
	"context"
	"fmt"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"github.com/qstar-dev/qstar/modules/cellular/profile"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "checkNet", Doc: "wait until SIM, registration and data call are ready", New: newCheckNet})
}

// pollEvery is how often the wait re-reads SIM, registration and bearers.
const pollEvery = 100 * time.Millisecond

// waitNetwork is checkNet's staged wait with one budget for all stages:
// SIM ready (stage 1), data registered home/roaming (2), a bearer up (3).
// It returns (3, 1) when ready, or the stage it stopped in and its code.
func waitNetwork(t *starlark.Thread, env *runtime.Env, timeout time.Duration) (stage, state int, err error) {
	deadline := time.Now().Add(timeout)
	expired := func() bool { return !time.Now().Before(deadline) }
	sleep := func() error { return runtime.Sleep(t, min(pollEvery, time.Until(deadline))) }

	for { // stage 1: the SIM
		st := -1
		if _, err := call(t, env, func(ctx context.Context, m Modem) error {
			var err error
			st, err = m.SIMStatus(ctx)
			if err != nil {
				st = -1
			}
			return err
		}); err != nil {
			return 0, 0, err
		}
		if st == 1 {
			break
		}
		// 18 initialising, 20 invalid, 21 unknown may still settle
		if (st != 18 && st != 20 && st != 21) || expired() {
			return 1, st, nil
		}
		if err := sleep(); err != nil {
			return 0, 0, err
		}
	}
	for { // stage 2: data registration
		data := -1
		if _, err := call(t, env, func(ctx context.Context, m Modem) error {
			_, d, err := m.Registration(ctx)
			if err == nil {
				data = d.State
			}
			return err
		}); err != nil {
			return 0, 0, err
		}
		if data == 1 || data == 5 {
			break
		}
		if expired() {
			return 2, data, nil
		}
		if err := sleep(); err != nil {
			return 0, 0, err
		}
	}
	for { // stage 3: any PDP context up
		up := false
		if _, err := call(t, env, func(ctx context.Context, m Modem) error {
			for cid := 1; cid <= profile.MaxCID && !up; cid++ {
				if pi, err := m.PDPInfo(ctx, cid); err == nil && pi.Active {
					up = true
				}
			}
			return nil
		}); err != nil {
			return 0, 0, err
		}
		if up {
			return 3, 1, nil
		}
		if expired() {
			return 3, 0, nil
		}
		if err := sleep(); err != nil {
			return 0, 0, err
		}
	}
}

func newCheckNet(env *runtime.Env) (starlark.StringDict, error) {
	wait := func(sig *pyargs.Sig) builtinFn {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			secs := 60
			if err := sig.UnpackArgs(args, kw, &secs); err != nil {
				return nil, exc.TypeError("%v", err)
			}
			if secs < 1 || secs > 3600 {
				return nil, exc.OSError("timeout_s should be in [1, 3600]s!")
			}
			stage, state, err := waitNetwork(t, env, time.Duration(secs)*time.Second)
			if err != nil {
				return nil, err
			}
			return starlark.Tuple{ival(stage), ival(state)}, nil
		}
	}
	d := members(map[string]builtinFn{
		"wait_network_connected": wait(checkNetSigs["wait_network_connected"]),
		"waitNetworkReady":       wait(checkNetSigs["waitNetworkReady"]),
	})
	d["CheckNetwork"] = starlark.NewBuiltin("CheckNetwork", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var name, version starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 2, &name, &version); err != nil {
			return nil, exc.TypeError("%v", err)
		}
		return checkNetwork(env, name, version, d["wait_network_connected"], d["waitNetworkReady"]), nil
	})
	return d, nil
}

// checkNetwork is the CheckNetwork(project_name, project_version) object.
// Real code calls both waits on the object (solution modules use
// waitNetworkReady), so it carries both.
func checkNetwork(env *runtime.Env, name, version, wait, waitReady starlark.Value) starlark.Value {
	printOnce := starlark.NewBuiltin("poweron_print_once", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := ints(b, args, kw, 0); err != nil {
			return nil, err
		}
		fw, err := query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
			s, err := m.Identity(ctx, Firmware)
			return sval(s), err
		})
		if err != nil {
			return nil, err
		}
		st, err := query(t, env, func(ctx context.Context, m Modem) (starlark.Value, error) {
			s, err := m.SIMStatus(ctx)
			return ival(s), err
		})
		if err != nil {
			return nil, err
		}
		line := "=================================================="
		// POWERON_REASON: qstar has no power key; 1 is a normal power-on.
		out := fmt.Sprintf("%s\nPROJECT_NAME     : %s\nPROJECT_VERSION  : %s\nFIRMWARE_VERSION : %s\nPOWERON_REASON   : 1\nSIM_CARD_STATUS  : %s\n%s\n",
			line, strOf(name), strOf(version), strOf(fw), strOf(st), line)
		_, err = env.Write([]byte(out))
		return starlark.None, err
	})
	return starlarkstruct.FromStringDict(starlark.String("CheckNetwork"), starlark.StringDict{
		"PROJECT_NAME":           name,
		"PROJECT_VERSION":        version,
		"poweron_print_once":     printOnce,
		"wait_network_connected": wait,
		"waitNetworkReady":       waitReady,
	})
}

func strOf(v starlark.Value) string {
	if s, ok := starlark.AsString(v); ok {
		return s
	}
	return v.String()
}
