package micro

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "system", Doc: "REPL interaction protection: replSetEnable, replChangPswd (kept and reported; qstar's own REPL is not locked)", New: newSystem})
	runtime.RegisterSigs("system", systemSigs)
}

var systemSigs = map[string]*pyargs.Sig{
	"replSetEnable": pyargs.NewSig("replSetEnable(flag=0, password=None)", "Turn the device REPL's protection off (0) or on (1), optionally with a 6..12 character password; 0, or -1 for a bad flag or password (a set password must be given again). flag 2 queries: 1 off, 2 off with a password set, 3 on, 4 on with a password."),
	"replChangPswd": pyargs.NewSig("replChangPswd(old_password=None, new_password=None)", "Change the protection password; 0, or -1 when no password is set, the old one is wrong or either is not 6..12 printable characters."),
}

// replGuard is the protection state a script set. A gateway has no
// device REPL port to lock, so it is only kept and reported.
type replGuard struct {
	mu       sync.Mutex
	on       bool
	password string
}

// validPassword is the firmware's rule: 6..12 printable ASCII characters.
func validPassword(p string) bool {
	if len(p) < 6 || len(p) > 12 {
		return false
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 0x21 || p[i] > 0x7e {
			return false
		}
	}
	return true
}

func newSystem(env *runtime.Env) (starlark.StringDict, error) {
	g := &replGuard{}
	say := func(msg string) { _, _ = env.Write([]byte(msg + "\n")) }
	minus := starlark.MakeInt(-1)
	return pyargs.Builtins(map[string]builtinFn{
		"replSetEnable": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			flag := 0
			var pw starlark.Value = starlark.None
			if err := systemSigs["replSetEnable"].UnpackArgs(args, kw, &flag, &pw); err != nil {
				return nil, err
			}
			password, hasPW := "", pw != starlark.None
			if hasPW {
				s, ok := starlark.AsString(pw)
				if !ok {
					return minus, nil
				}
				password = s
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			switch {
			case flag == 2 && hasPW, flag < 0 || flag > 2:
				return minus, nil
			case flag == 2:
				st := 1
				switch {
				case g.on && g.password != "":
					st = 4
				case g.on:
					st = 3
				case g.password != "":
					st = 2
				}
				return starlark.MakeInt(st), nil
			case hasPW && !validPassword(password):
				say("Password length must be [6~12]!")
				return minus, nil
			case hasPW && g.password != "" && password != g.password:
				say("Incorrect password!")
				return minus, nil
			case hasPW && flag == 0:
				g.on, g.password = false, "" // unlocked: any password may lock it again
			case hasPW:
				g.on, g.password = true, password
			default:
				g.on = flag == 1
			}
			return starlark.MakeInt(0), nil
		},
		"replChangPswd": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var oldPW, newPW string
			if err := systemSigs["replChangPswd"].UnpackArgs(args, kw, &oldPW, &newPW); err != nil {
				return nil, err
			}
			g.mu.Lock()
			defer g.mu.Unlock()
			switch {
			case oldPW == "" || newPW == "":
				say("illegal operation")
				return minus, nil
			case !validPassword(oldPW) || !validPassword(newPW):
				say("Password length must be [6~12]!")
				return minus, nil
			case g.password == "":
				say("Please set password first!")
				return minus, nil
			case oldPW != g.password:
				say("Incorrect password!")
				return minus, nil
			}
			g.password = newPW
			return starlark.MakeInt(0), nil
		},
	}), nil
}
