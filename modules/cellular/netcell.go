package cellular

import (
	"context"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/cellular/at"
	"github.com/qstar-dev/qstar/runtime"
)

// The net functions device code uses for cell-based location and the
// network's clock: getCellInfo and its getCi/getLac/getMcc/getMnc views,
// and nitzTime. Both backends answer them from what the modem reports
// (registration, operator, signal; AT+QLTS for the NITZ time). Only the
// serving cell is known: neither backend scans neighbours.

// cell is the serving cell as getCellInfo reports it.
type cell struct {
	rat                  int // 27.007 AcT
	ci, lac, mcc, mnc    int
	rssi, rsrp, rsrq, sn int
}

// hexMCC lists the platforms whose firmware reports MCC and MNC as the
// hex reading of their digits (MCC 460 is 0x460 = 1120), as the net docs say.
var hexMCC = []string{"EC100Y", "EC600S", "EC600N", "EC600E", "EC800E", "EC200A", "EC600M", "EC800M"}

func servingCell(ctx context.Context, m Modem) (cell, bool, error) {
	voice, data, err := m.Registration(ctx)
	if err != nil {
		return cell{}, false, err
	}
	reg := data
	if reg.State != 1 && reg.State != 5 {
		reg = voice
	}
	if reg.State != 1 && reg.State != 5 {
		return cell{}, false, nil
	}
	op, err := m.Operator(ctx)
	if err != nil {
		return cell{}, false, err
	}
	sig, err := m.Signal(ctx)
	if err != nil {
		return cell{}, false, err
	}
	model, _ := m.Identity(ctx, Model)
	base := 10
	for _, p := range hexMCC {
		if strings.HasPrefix(strings.ToUpper(model), p) {
			base = 16
		}
	}
	num := func(s string) int {
		n, _ := strconv.ParseInt(s, base, 32)
		return int(n)
	}
	return cell{rat: reg.RAT, ci: reg.CI, lac: reg.LAC, mcc: num(op.MCC), mnc: num(op.MNC),
		rssi: sig.RSSI, rsrp: sig.RSRP, rsrq: sig.RSRQ, sn: sig.SINR}, true, nil
}

// cellInfo is getCellInfo's ([gsm], [umts], [lte]) with the serving cell
// (flag 0) in its radio's list; arfcn, bsic, psc and pci are not known (0).
func (c cell) cellInfo() starlark.Tuple {
	gsm, umts, lte := list(), list(), list()
	switch {
	case c.rat >= 7:
		_ = lte.Append(starlark.Tuple{ival(0), ival(c.ci), ival(c.mcc), ival(c.mnc), ival(0), ival(c.lac), ival(0), ival(c.rsrp), ival(c.rsrq), ival(c.sn)})
	case c.rat == 2 || (c.rat >= 4 && c.rat <= 6):
		_ = umts.Append(starlark.Tuple{ival(0), ival(c.ci), ival(0), ival(c.mcc), ival(c.mnc), ival(c.lac), ival(0), ival(0), ival(c.rssi)})
	default:
		_ = gsm.Append(starlark.Tuple{ival(0), ival(c.ci), ival(c.mcc), ival(c.mnc), ival(c.lac), ival(0), ival(0), ival(c.rssi)})
	}
	return starlark.Tuple{gsm, umts, lte}
}

// cellFns are net's cell functions: getCellInfo, the getX lists (one
// entry per known cell) and the getServingX ints; -1 when not registered.
func cellFns(env *runtime.Env, noArgs func(func(ctx context.Context, m Modem) (starlark.Value, error)) builtinFn) map[string]builtinFn {
	fns := map[string]builtinFn{
		"getCellInfo": noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			c, ok, err := servingCell(ctx, m)
			if !ok || err != nil {
				return fail, err
			}
			return c.cellInfo(), nil
		}),
	}
	for name, field := range map[string]func(c cell) int{
		"Ci": func(c cell) int { return c.ci }, "Lac": func(c cell) int { return c.lac },
		"Mcc": func(c cell) int { return c.mcc }, "Mnc": func(c cell) int { return c.mnc },
	} {
		field := field
		fns["get"+name] = noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			c, ok, err := servingCell(ctx, m)
			if !ok || err != nil {
				return fail, err
			}
			return list(ival(field(c))), nil
		})
		fns["getServing"+name] = noArgs(func(ctx context.Context, m Modem) (starlark.Value, error) {
			c, ok, err := servingCell(ctx, m)
			if !ok || err != nil {
				return fail, err
			}
			return ival(field(c)), nil
		})
	}
	fns["nitzTime"] = func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := ints(b, args, kw, 0); err != nil {
			return nil, err
		}
		var v starlark.Value = fail
		_, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
			lines, _, err := p.AT(ctx, "AT+QLTS", 5*time.Second)
			if err != nil {
				return err
			}
			for _, l := range lines {
				if date, secs, ok := parseQLTS(l); ok {
					v = starlark.Tuple{sval(date), starlark.MakeInt64(secs), ival(0)}
				}
			}
			return nil
		})
		return v, err
	}
	return fns
}

// parseQLTS reads `+QLTS: "2020/11/26,02:13:25+32,0"` (UTC, zone in
// quarter hours, DST) into nitzTime's date, '20/11/26,02:13:25+32,0', and
// the UTC time in seconds.
func parseQLTS(line string) (string, int64, bool) {
	rest, ok := strings.CutPrefix(line, "+QLTS:")
	if !ok {
		return "", 0, false
	}
	f := at.Fields(strings.TrimSpace(rest))
	if len(f) == 0 || len(f[0]) < 19 {
		return "", 0, false
	}
	s := f[0]
	when, err := time.Parse("2006/01/02,15:04:05", s[:19])
	if err != nil {
		return "", 0, false
	}
	return s[2:], when.Unix(), true
}
