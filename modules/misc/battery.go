package misc

import (
	"sort"
	"sync"

	"go.starlark.net/starlark"
)

// batteryCurve is Power.batManageInit's state: the discharge curve that
// maps the supply voltage to a state of charge.
type batteryCurve struct {
	mu     sync.Mutex
	points [][2]int // (mV, percent), by falling voltage
}

// defaultCurve is a resting Li-ion cell's, used before batManageInit.
var defaultCurve = [][2]int{{4200, 100}, {4060, 85}, {3950, 70}, {3850, 50}, {3750, 30}, {3700, 20}, {3600, 10}, {3400, 0}}

// curveOf reads a list of (mV, percent) pairs.
func curveOf(v starlark.Value) ([][2]int, bool) {
	it, ok := v.(starlark.Indexable)
	if !ok || it.Len() == 0 {
		return nil, false
	}
	out := make([][2]int, it.Len())
	for i := range out {
		p, ok := it.Index(i).(starlark.Indexable)
		if !ok || p.Len() != 2 {
			return nil, false
		}
		for j := 0; j < 2; j++ {
			n, err := starlark.AsInt32(p.Index(j))
			if err != nil {
				return nil, false
			}
			out[i][j] = n
		}
		if out[i][1] < 0 || out[i][1] > 100 {
			return nil, false
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a][0] > out[b][0] })
	return out, true
}

func (c *batteryCurve) init(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var discharge, charge starlark.Value
	if err := sigs["Power.batManageInit"].UnpackArgs(args, kw, &discharge, &charge); err != nil {
		return nil, err
	}
	d, ok := curveOf(discharge)
	if _, ok2 := curveOf(charge); !ok || !ok2 {
		return minusOne, nil
	}
	c.mu.Lock()
	c.points = d
	c.mu.Unlock()
	return zero, nil
}

func (c *batteryCurve) setCallback(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := sigs["Power.batSetCallback"].UnpackArgs(args, kw, &fn); err != nil {
		return nil, err
	}
	if _, ok := fn.(starlark.Callable); !ok {
		return minusOne, nil
	}
	return zero, nil
}

// soc interpolates mv on the curve, clamped to its ends.
func (c *batteryCurve) soc(mv int) int {
	c.mu.Lock()
	pts := c.points
	c.mu.Unlock()
	if pts == nil {
		pts = defaultCurve
	}
	if mv >= pts[0][0] {
		return pts[0][1]
	}
	last := pts[len(pts)-1]
	if mv <= last[0] {
		return last[1]
	}
	for i := 1; i < len(pts); i++ {
		hi, lo := pts[i-1], pts[i]
		if mv >= lo[0] {
			if hi[0] == lo[0] {
				return hi[1]
			}
			return lo[1] + (mv-lo[0])*(hi[1]-lo[1])/(hi[0]-lo[0])
		}
	}
	return last[1]
}
