package cellular

import (
	"context"
	"fmt"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// net.getConfig/setConfig use QuecPython's network-mode numbers (the net
// docs' table, 0..18), which both backends keep as Quectel's AT+QCFG
// settings: "nwscanmode" (0 auto, 1 GSM, 2 UMTS, 3 LTE only), "nwscanseq"
// (the search order: 01 GSM, 03 WCDMA, 04 LTE; 00 automatic) and
// "roamservice" (1 off, 2 on, 255 auto).
//
// A single-RAT mode is a scan mode; a "preferred" mode is the automatic
// scan mode with that search order. The two-RAT "auto" modes (2, 6, 9)
// and the dual-link ones (16..18) have no nwscanmode equivalent, so
// setConfig refuses them (-1, logged); BG95's CAT-M/NB modes (19..) too.
type scanSetting struct {
	mode int
	seq  string
}

var netModes = map[int]scanSetting{
	0:  {1, "01"},     // GSM
	1:  {2, "03"},     // UMTS
	3:  {0, "0103"},   // GSM_UMTS, GSM preferred
	4:  {0, "0301"},   // GSM_UMTS, UMTS preferred
	5:  {3, "04"},     // LTE
	7:  {0, "0104"},   // GSM_LTE, GSM preferred
	8:  {0, "0401"},   // GSM_LTE, LTE preferred
	10: {0, "0304"},   // UMTS_LTE, UMTS preferred
	11: {0, "0403"},   // UMTS_LTE, LTE preferred
	12: {0, "00"},     // GSM_UMTS_LTE, auto
	13: {0, "010304"}, // GSM_UMTS_LTE, GSM preferred
	14: {0, "030401"}, // GSM_UMTS_LTE, UMTS preferred
	15: {0, "040301"}, // GSM_UMTS_LTE, LTE preferred
}

// modeOf maps the modem's scan settings back to a network mode: an
// automatic scan is the mode its search order names, else 12 (all RATs).
func modeOf(scanMode int, seq string) int {
	switch scanMode {
	case 1:
		return 0
	case 2:
		return 1
	case 3:
		return 5
	}
	for mode, s := range netModes {
		if s.mode == 0 && s.seq == seq {
			return mode
		}
	}
	return 12
}

// qcfg reads one AT+QCFG item's value.
func qcfg(ctx context.Context, p ATPort, item string) (string, error) {
	lines, final, err := p.AT(ctx, `AT+QCFG="`+item+`"`, 5*time.Second)
	if err != nil {
		return "", err
	}
	if final != "OK" {
		return "", fmt.Errorf("AT+QCFG=%q: %s", item, final)
	}
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "+QCFG:"); ok {
			f := at.Fields(strings.TrimSpace(rest))
			if len(f) >= 2 && strings.EqualFold(f[0], item) {
				return f[1], nil
			}
		}
	}
	return "", fmt.Errorf("AT+QCFG=%q: no value", item)
}

func setQCFG(ctx context.Context, p ATPort, item, value string) error {
	_, final, err := p.AT(ctx, `AT+QCFG="`+item+`",`+value+`,1`, 5*time.Second) // 1: at once
	if err != nil {
		return err
	}
	if final != "OK" {
		return fmt.Errorf("AT+QCFG=%q,%s: %s", item, value, final)
	}
	return nil
}

func netConfigFns(env *runtime.Env) map[string]builtinFn {
	return map[string]builtinFn{
		"getConfig": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			if err := ints(b, args, kw, 0); err != nil {
				return nil, err
			}
			var v starlark.Value = fail
			_, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
				mode, err := qcfg(ctx, p, "nwscanmode")
				if err != nil {
					return err
				}
				seq, err := qcfg(ctx, p, "nwscanseq")
				if err != nil {
					seq = "00" // a module without nwscanseq searches in its own order
				}
				roam, err := qcfg(ctx, p, "roamservice")
				if err != nil {
					roam = "1"
				}
				n, ok := at.Int([]string{mode}, 0)
				if !ok {
					return fmt.Errorf("nwscanmode %q", mode)
				}
				v = starlark.Tuple{ival(modeOf(n, seq)), starlark.Bool(roam != "1")}
				return nil
			})
			return v, err
		},
		"setConfig": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var modeV, roamV starlark.Value
			if len(kw) > 0 {
				return nil, exc.TypeError("%s() takes no keyword arguments", b.Name())
			}
			if err := pyargs.Unpack(b.Name(), args, nil, []string{"mode", "roaming?"}, &modeV, &roamV); err != nil {
				return nil, err
			}
			mode, err := starlark.AsInt32(modeV)
			if err != nil {
				return nil, exc.TypeError("%s() argument 1: want an int, not %s", b.Name(), modeV.Type())
			}
			roam := -1
			if !pyargs.IsNone(roamV) {
				r, err := starlark.AsInt32(roamV)
				if err != nil || r < 0 || r > 1 {
					return nil, exc.ValueError("%s: roaming must be 0 or 1", b.Name())
				}
				roam = r
			}
			s, ok := netModes[mode]
			if !ok {
				env.Logf("net.setConfig: network mode %d cannot be set through AT+QCFG nwscanmode/nwscanseq", mode)
				return fail, nil
			}
			return action(t, env, func(ctx context.Context, m Modem) error {
				p, ok := m.(ATPort)
				if !ok {
					return ErrUnsupported
				}
				if err := setQCFG(ctx, p, "nwscanmode", fmt.Sprint(s.mode)); err != nil {
					return err
				}
				if err := setQCFG(ctx, p, "nwscanseq", s.seq); err != nil && s.mode == 0 {
					return err // the order is the mode's point when the scan is automatic
				}
				if roam >= 0 {
					return setQCFG(ctx, p, "roamservice", fmt.Sprint(roam+1)) // 1 off, 2 on
				}
				return nil
			})
		},
	}
}
