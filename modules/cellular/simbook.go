package cellular

import (
	"context"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

// sim.readPhonebook and sim.writePhonebook, over the AT phonebook commands
// (AT+CPBS, AT+CPBR/CPBF, AT+CPBW) on both backends.

// pbStorages are the firmware's storage codes (sim.readPhonebook's first
// argument); 9 (SM, the SIM card) is the one scripts use.
var pbStorages = []string{"DC", "EN", "FD", "LD", "MC", "ME", "MT", "ON", "RC", "SM", "AP", "MBDN", "MN", "SDN", "ICI", "OCI"}

func pbStorage(fn string, code int) (string, error) {
	if code < 0 || code >= len(pbStorages) {
		return "", exc.ValueError("%s: storage %d: want 0..%d (9 is the SIM card)", fn, code, len(pbStorages)-1)
	}
	return pbStorages[code], nil
}

// pbArgs reads storage, an int, and a str or int per further name.
func pbArgs(b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple, names ...string) (string, []starlark.Value, error) {
	var code int
	rest := make([]starlark.Value, len(names))
	dst := []any{"storage", &code}
	for i, n := range names {
		dst = append(dst, n, &rest[i])
	}
	if err := starlark.UnpackArgs(b.Name(), args, kw, dst...); err != nil {
		return "", nil, err
	}
	storage, err := pbStorage(b.Name(), code)
	return storage, rest, err
}

func simBookFns(env *runtime.Env) map[string]builtinFn {
	return map[string]builtinFn{
		// readPhonebook(storage, start, end, username) -> (count, [(index, name, number), ...]):
		// the entries whose name starts with username, or those from start to end.
		"readPhonebook": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			storage, v, err := pbArgs(b, args, kw, "start", "end", "username")
			if err != nil {
				return nil, err
			}
			start, _ := starlark.AsInt32(v[0])
			end, _ := starlark.AsInt32(v[1])
			name, _ := starlark.AsString(v[2])
			cmd := "AT+CPBR=" + strconv.Itoa(start) + "," + strconv.Itoa(end)
			if name != "" {
				cmd = `AT+CPBF="` + name + `"`
			}
			var out starlark.Value = fail
			_, err = withPort(t, env, func(ctx context.Context, p ATPort) error {
				lines, err := pbCommand(ctx, p, storage, cmd)
				if err != nil {
					return err
				}
				entries := list()
				for _, l := range lines {
					if e, ok := parsePBLine(l); ok {
						_ = entries.Append(e)
					}
				}
				out = starlark.Tuple{ival(entries.Len()), entries}
				return nil
			})
			return out, err
		},
		// writePhonebook(storage, index, username, number) -> 0, or -1.
		"writePhonebook": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			storage, v, err := pbArgs(b, args, kw, "index", "username", "number")
			if err != nil {
				return nil, err
			}
			idx, err1 := starlark.AsInt32(v[0])
			name, ok2 := starlark.AsString(v[1])
			number, ok3 := starlark.AsString(v[2])
			if err1 != nil || !ok2 || !ok3 {
				return nil, exc.TypeError("writePhonebook(storage, index, username, number): want int, int, str, str")
			}
			typ := "129"
			if strings.HasPrefix(number, "+") {
				typ = "145"
			}
			cmd := "AT+CPBW=" + strconv.Itoa(idx) + `,"` + number + `",` + typ + `,"` + name + `"`
			ok, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
				_, err := pbCommand(ctx, p, storage, cmd)
				return err
			})
			if err != nil || !ok {
				return fail, err
			}
			return ival(0), nil
		},
	}
}

// pbCommand selects storage and runs cmd; a refusal is an error.
func pbCommand(ctx context.Context, p ATPort, storage, cmd string) ([]string, error) {
	for _, c := range []string{`AT+CPBS="` + storage + `"`, cmd} {
		lines, final, err := p.AT(ctx, c, 5*time.Second)
		if err != nil {
			return nil, err
		}
		if final != "OK" {
			return nil, ErrUnsupported
		}
		if c == cmd {
			return lines, nil
		}
	}
	return nil, nil
}

// parsePBLine reads `+CPBR: 1,"15556904516",129,"111"` as (1, '111', '15556904516').
func parsePBLine(line string) (starlark.Tuple, bool) {
	i := strings.Index(line, ":")
	if i < 0 || !strings.HasPrefix(line, "+CPB") {
		return nil, false
	}
	f := at.Fields(strings.TrimSpace(line[i+1:]))
	idx, ok := at.Int(f, 0)
	if !ok || len(f) < 4 {
		return nil, false
	}
	return starlark.Tuple{ival(idx), sval(f[3]), sval(f[1])}, true
}
