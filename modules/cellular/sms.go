package cellular

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/modules/cellular/pdu"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "sms", Doc: "SMS over AT: send and read in text or PDU mode, delete, storage, new-message callback", New: newSMS})
}

// errRefused is a command the modem answered with an error.
var errRefused = errors.New("refused")

// session is one run of SMS commands on the raw AT channel.
type session struct {
	ctx context.Context
	p   ATPort
}

// do runs cmd and returns its lines; any final result but OK is errRefused.
func (s session) do(cmd string) ([]string, error) {
	lines, final, err := s.p.AT(s.ctx, cmd, 0)
	if err == nil && final != "OK" {
		err = fmt.Errorf("%s: %s: %w", redactAT(cmd), final, errRefused)
	}
	return lines, err
}

func redactAT(cmd string) string {
	if i := strings.IndexByte(cmd, '='); i >= 0 {
		return cmd[:i] + "=..."
	}
	return cmd
}

// text sets text mode and the character set.
func (s session) text(charset string) error {
	if _, err := s.do("AT+CMGF=1"); err != nil {
		return err
	}
	_, err := s.do(`AT+CSCS="` + charset + `"`)
	return err
}

func newSMS(env *runtime.Env) (starlark.StringDict, error) {
	run := func(t *starlark.Thread, f func(s session) (starlark.Value, error)) (starlark.Value, error) {
		var v starlark.Value
		ok, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
			var err error
			v, err = f(session{ctx, p})
			return err
		})
		if err != nil {
			return nil, err
		}
		if !ok {
			return fail, nil
		}
		return v, nil
	}
	zero := starlark.MakeInt(0)
	return members(map[string]builtinFn{
		"sendTextMsg": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			number, msg, mode, valid, err := submitArgs("sendTextMsg", args, kw)
			if err != nil || !valid {
				return fail, err
			}
			return run(t, func(s session) (starlark.Value, error) {
				return zero, sendText(s, number, msg, mode)
			})
		},
		"searchTextMsg": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var index int
			if err := ints(b, args, kw, 0, &index); err != nil {
				return nil, err
			}
			return run(t, func(s session) (starlark.Value, error) { return readText(s, index) })
		},
		"searchPduMsg": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var index int
			if err := ints(b, args, kw, 0, &index); err != nil {
				return nil, err
			}
			return run(t, func(s session) (starlark.Value, error) { return readPDU(s, index) })
		},
		"sendPduMsg": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			number, msg, mode, valid, err := submitArgs("sendPduMsg", args, kw)
			if err != nil || !valid {
				return fail, err
			}
			return run(t, func(s session) (starlark.Value, error) {
				return zero, sendPDU(s, number, msg, mode == "UCS2")
			})
		},
		"getPduLength": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var h string
			if err := starlark.UnpackPositionalArgs("getPduLength", args, kw, 1, &h); err != nil {
				return nil, err
			}
			n, err := pdu.TPDULength(h)
			if err != nil {
				return fail, nil
			}
			return starlark.MakeInt(n), nil
		},
		"decodePdu": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var h string
			var n int
			if err := starlark.UnpackPositionalArgs("decodePdu", args, kw, 1, &h, &n); err != nil {
				return nil, err
			}
			m, err := pdu.Decode(h)
			if err != nil {
				return fail, nil
			}
			return starlark.Tuple{sval(m.Number), sval(m.Text), sval(m.Time), ival(m.Length)}, nil
		},
		"deleteMsg": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			index, mode := 0, 0
			if err := ints(b, args, kw, 1, &index, &mode); err != nil {
				return nil, err
			}
			cmd := fmt.Sprintf("AT+CMGD=%d", index)
			if mode == 4 {
				cmd += ",4"
			}
			return run(t, func(s session) (starlark.Value, error) { _, err := s.do(cmd); return zero, err })
		},
		"getMsgNums": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return run(t, func(s session) (starlark.Value, error) {
				locs, err := saveLoc(s)
				if err != nil {
					return nil, err
				}
				return starlark.MakeInt(locs[0].used), nil
			})
		},
		"getSaveLoc": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return run(t, func(s session) (starlark.Value, error) {
				locs, err := saveLoc(s)
				if err != nil {
					return nil, err
				}
				out := make(starlark.Tuple, 3)
				for i, l := range locs {
					out[i] = list(sval(l.mem), ival(l.used), ival(l.total))
				}
				return out, nil
			})
		},
		"setSaveLoc": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			a, err := pyargs.Bind("setSaveLoc", args, kw, "mem1", "mem2?", "mem3?")
			if err != nil {
				return nil, err
			}
			var mems []string
			for _, n := range []string{"mem1", "mem2", "mem3"} {
				m, err := a.Str(n, "")
				if err != nil {
					return nil, err
				}
				if m != "" {
					if !at.Safe(m) {
						return fail, nil
					}
					mems = append(mems, at.Quote(strings.ToUpper(m)))
				}
			}
			return run(t, func(s session) (starlark.Value, error) {
				_, err := s.do("AT+CPMS=" + strings.Join(mems, ","))
				return zero, err
			})
		},
		"getCenterAddr": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			return run(t, func(s session) (starlark.Value, error) {
				if err := s.text("GSM"); err != nil {
					return nil, err
				}
				lines, err := s.do("AT+CSCA?")
				if err != nil {
					return nil, err
				}
				f, ok := info(lines, "+CSCA")
				if !ok || len(f) == 0 {
					return nil, errNoAnswer("AT+CSCA?")
				}
				return sval(f[0]), nil
			})
		},
		"setCenterAddr": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var addr string
			if err := starlark.UnpackPositionalArgs("setCenterAddr", args, kw, 1, &addr); err != nil {
				return nil, err
			}
			if !phoneLike(addr) {
				return fail, nil
			}
			return run(t, func(s session) (starlark.Value, error) {
				if err := s.text("GSM"); err != nil {
					return nil, err
				}
				_, err := s.do(`AT+CSCA="` + addr + `",145`)
				return zero, err
			})
		},
		"setCallback": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var fn starlark.Value
			if err := starlark.UnpackPositionalArgs("setCallback", args, kw, 1, &fn); err != nil {
				return nil, err
			}
			v, err := setCallback(t, env, "sms", fn)
			if n, _ := starlark.AsInt32(v); err != nil || n != 0 {
				return v, err
			}
			// new messages reported as +CMTI: "SM",<index>
			_, _ = withPort(t, env, func(ctx context.Context, p ATPort) error {
				_, _, err := p.AT(ctx, "AT+CNMI=2,1,0,0,0", 0)
				return err
			})
			return v, nil
		},
	}), nil
}

// validSubmit checks what the firmware checks: a number of at most 20
// characters, and one message (140 bytes; 70 characters in UCS2).
func validSubmit(number, msg, mode string) bool {
	if !phoneLike(number) || len(number) > 20 {
		return false
	}
	switch mode {
	case "GSM":
		return len(msg) <= 160 && at.Safe(strings.ReplaceAll(msg, "\n", " "))
	case "UCS2":
		return utf8.RuneCountInString(msg) <= 70
	}
	return false
}

func phoneLike(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c >= '0' && c <= '9') && !(i == 0 && c == '+') {
			return false
		}
	}
	return true
}

// sendText is AT+CMGS in text mode; UCS2 sends number and text as hex.
func sendText(s session, number, msg, mode string) error {
	if err := s.text(mode); err != nil {
		return err
	}
	dcs := 0
	if mode == "UCS2" {
		dcs, number, msg = 8, at.UCS2(number), at.UCS2(msg)
	}
	if _, err := s.do(fmt.Sprintf("AT+CSMP=17,167,0,%d", dcs)); err != nil {
		return err
	}
	_, final, err := s.p.ATBody(s.ctx, `AT+CMGS="`+number+`"`, msg, 0)
	if err == nil && final != "OK" {
		err = fmt.Errorf("AT+CMGS: %s: %w", final, errRefused)
	}
	return err
}

// readText is AT+CMGR in text mode with the UCS2 character set, so any
// text survives: (number, text, length in bytes).
func readText(s session, index int) (starlark.Value, error) {
	if err := s.text("UCS2"); err != nil {
		return nil, err
	}
	defer s.do(`AT+CSCS="GSM"`)
	lines, err := s.do(fmt.Sprintf("AT+CMGR=%d", index))
	if err != nil {
		return nil, err
	}
	for i, l := range lines {
		name, f, ok := at.Info(l)
		if !ok || name != "+CMGR" || len(f) < 2 || i+1 >= len(lines) {
			continue
		}
		number, err1 := at.FromUCS2(f[1])
		text, err2 := at.FromUCS2(lines[i+1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("AT+CMGR=%d: not UCS2 text", index)
		}
		// the length in UCS2 octets, as the firmware counts ('123456789aa' is 22)
		return starlark.Tuple{sval(number), sval(text), ival(2 * len(utf16.Encode([]rune(text))))}, nil
	}
	return nil, errNoAnswer("AT+CMGR")
}

// readPDU is AT+CMGR in PDU mode: the message's PDU in hex.
func readPDU(s session, index int) (starlark.Value, error) {
	if _, err := s.do("AT+CMGF=0"); err != nil {
		return nil, err
	}
	lines, err := s.do(fmt.Sprintf("AT+CMGR=%d", index))
	if err != nil {
		return nil, err
	}
	for i, l := range lines {
		if strings.HasPrefix(l, "+CMGR:") && i+1 < len(lines) {
			return sval(lines[i+1]), nil
		}
	}
	return nil, errNoAnswer("AT+CMGR")
}

// sendPDU is AT+CMGS=<length> in PDU mode.
func sendPDU(s session, number, msg string, ucs2 bool) error {
	h, n := pdu.Submit(number, msg, ucs2)
	if _, err := s.do("AT+CMGF=0"); err != nil {
		return err
	}
	_, final, err := s.p.ATBody(s.ctx, fmt.Sprintf("AT+CMGS=%d", n), h, 0)
	if err == nil && final != "OK" {
		err = fmt.Errorf("AT+CMGS: %s: %w", final, errRefused)
	}
	return err
}

type memLoc struct {
	mem         string
	used, total int
}

// saveLoc parses +CPMS: "SM",2,50,"SM",2,50,"SM",2,50.
func saveLoc(s session) ([3]memLoc, error) {
	var out [3]memLoc
	lines, err := s.do("AT+CPMS?")
	if err != nil {
		return out, err
	}
	f, ok := info(lines, "+CPMS")
	if !ok || len(f) < 9 {
		return out, errNoAnswer("AT+CPMS?")
	}
	for i := range out {
		u, ok1 := at.Int(f, 3*i+1)
		n, ok2 := at.Int(f, 3*i+2)
		if !ok1 || !ok2 {
			return out, errNoAnswer("AT+CPMS?")
		}
		out[i] = memLoc{f[3*i], u, n}
	}
	return out, nil
}

// submitArgs reads sendTextMsg/sendPduMsg's (phoneNumber, msg, codeMode);
// valid is false for a submission the firmware refuses with -1.
func submitArgs(fn string, args starlark.Tuple, kw []starlark.Tuple) (number, msg, mode string, valid bool, err error) {
	a, err := pyargs.Bind(fn, args, kw, "phoneNumber", "msg", "codeMode?")
	if err != nil {
		return
	}
	if number, err = a.Need("phoneNumber"); err != nil {
		return
	}
	if msg, err = a.Str("msg", ""); err != nil {
		return
	}
	if mode, err = a.Str("codeMode", "GSM"); err != nil {
		return
	}
	mode = strings.ToUpper(mode)
	return number, msg, mode, validSubmit(number, msg, mode), nil
}
