package misc

import (
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/internal/gotype"
)

// USBNET work types, as the firmware numbers them.
const (
	usbnetECM   = 1
	usbnetRNDIS = 3
)

// usbnet is the module's USB network card as the firmware configures it:
// a work type that applies at the next restart, an open/closed card and
// per-PDP NAT flags. On a gateway the network card is the host's own,
// so this is the module's view kept for the run.
type usbnet struct {
	mu      sync.Mutex
	active  int // the work type in use
	pending int // set_worktype's, applied at a restart
	open    bool
	nat     map[int]int
	mac     []byte
}

// usbnetClass is USBNET, used as a class of static functions.
func usbnetClass() *gotype.Class {
	u := &usbnet{active: usbnetECM, pending: usbnetECM, nat: map[int]int{}, mac: []byte{0x02, 0x51, 0x63, 0x00, 0x00, 0x01}}
	intArg := func(member string, f func(n int) starlark.Value) gotype.Method {
		return func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var n int
			if err := sigs[member].UnpackArgs(args, kw, &n); err != nil {
				return nil, err
			}
			u.mu.Lock()
			defer u.mu.Unlock()
			return f(n), nil
		}
	}
	locked := func(member string, f func() starlark.Value) gotype.Method {
		return noArgs(member, func(*starlark.Thread) (starlark.Value, error) {
			u.mu.Lock()
			defer u.mu.Unlock()
			return f(), nil
		})
	}
	validPID := func(simid, pid int) bool { return simid == 0 && pid >= 1 && pid <= 7 }
	statics := map[string]gotype.Method{
		"set_worktype": intArg("USBNET.set_worktype", func(n int) starlark.Value {
			if n != usbnetECM && n != usbnetRNDIS {
				return minusOne
			}
			u.pending = n
			return zero
		}),
		"get_worktype": locked("USBNET.get_worktype", func() starlark.Value { return starlark.MakeInt(u.active) }),
		"get_status": locked("USBNET.get_status", func() starlark.Value {
			if u.open {
				return starlark.MakeInt(1)
			}
			return zero
		}),
		"open":  locked("USBNET.open", func() starlark.Value { u.open = true; return zero }),
		"close": locked("USBNET.close", func() starlark.Value { u.open = false; return zero }),
		"setMAC": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			if err := sigs["USBNET.setMAC"].UnpackArgs(args, kw, &v); err != nil {
				return nil, err
			}
			var mac []byte
			switch x := v.(type) {
			case starlark.Bytes:
				mac = []byte(x)
			case starlark.Indexable: // bytearray
				for i := 0; i < x.Len(); i++ {
					n, err := starlark.AsInt32(x.Index(i))
					if err != nil || n < 0 || n > 255 {
						return minusOne, nil
					}
					mac = append(mac, byte(n))
				}
			}
			if len(mac) != 6 {
				return minusOne, nil
			}
			u.mu.Lock()
			u.mac = mac
			u.mu.Unlock()
			return zero, nil
		},
		"getMAC": locked("USBNET.getMAC", func() starlark.Value { return starlark.Bytes(u.mac) }),
		"getNat": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var simid, pid int
			if err := sigs["USBNET.getNat"].UnpackArgs(args, kw, &simid, &pid); err != nil {
				return nil, err
			}
			if !validPID(simid, pid) {
				return minusOne, nil
			}
			u.mu.Lock()
			defer u.mu.Unlock()
			return starlark.MakeInt(u.nat[pid]), nil
		},
		"setNat": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var simid, pid, nat int
			if err := sigs["USBNET.setNat"].UnpackArgs(args, kw, &simid, &pid, &nat); err != nil {
				return nil, err
			}
			if !validPID(simid, pid) || (nat != 0 && nat != 1) {
				return minusOne, nil
			}
			u.mu.Lock()
			u.nat[pid] = nat
			u.mu.Unlock()
			return zero, nil
		},
	}
	c := gotype.NewClass("USBNET", starlark.StringDict{"Type_ECM": starlark.MakeInt(usbnetECM), "Type_RNDIS": starlark.MakeInt(usbnetRNDIS)}, nil)
	c.Statics = statics
	return c
}
