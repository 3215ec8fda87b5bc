package cellular

import (
	"context"
	"fmt"

	"github.com/qstar-dev/qstar/modules/cellular/at"
)

// Packet data over AT: +QICSGP, +QIACT, +QIDEACT, +QIDNSCFG.

// Context implements Modem with AT+QICSGP=<cid>.
func (m *ATModem) Context(ctx context.Context, cid int) (PDPContext, error) {
	cmd := fmt.Sprintf("AT+QICSGP=%d", cid)
	lines, err := m.cmd(ctx, cmd)
	if err != nil {
		return PDPContext{}, err
	}
	f, ok := info(lines, "+QICSGP")
	ctype, ok1 := at.Int(f, 0)
	auth, ok2 := at.Int(f, 4)
	if !ok || !ok1 || !ok2 || len(f) < 5 {
		return PDPContext{}, errNoAnswer(cmd)
	}
	return PDPContext{IPType: ipTypeOf(ctype), APN: f[1], User: f[2], Pwd: f[3], Auth: auth}, nil
}

// ipTypeOf maps Quectel's context type (1 IPv4, 2 IPv6, 3 IPv4v6) to ipType.
func ipTypeOf(ctype int) int {
	switch ctype {
	case 2:
		return 1
	case 3:
		return 2
	}
	return 0
}

// SetContext implements Modem with AT+QICSGP=<cid>,<ctype>,...
func (m *ATModem) SetContext(ctx context.Context, cid int, c PDPContext) error {
	return m.simple(ctx, fmt.Sprintf("AT+QICSGP=%d,%d,%s,%s,%s,%d",
		cid, c.IPType+1, at.Quote(c.APN), at.Quote(c.User), at.Quote(c.Pwd), c.Auth))
}

// Activate implements Modem with AT+QIACT=<cid> (up to 150 s).
func (m *ATModem) Activate(ctx context.Context, cid int) error {
	if _, err := m.c.Command(ctx, fmt.Sprintf("AT+QIACT=%d", cid), activateTimeout); err != nil {
		return err
	}
	m.bearer(cid, true, false, false)
	return nil
}

// Deactivate implements Modem with AT+QIDEACT=<cid> (up to 40 s).
func (m *ATModem) Deactivate(ctx context.Context, cid int) error {
	if _, err := m.c.Command(ctx, fmt.Sprintf("AT+QIDEACT=%d", cid), deactivateTimeout); err != nil {
		return err
	}
	m.bearer(cid, false, false, false)
	return nil
}

// PDPInfo implements Modem with AT+QIACT? and AT+QIDNSCFG=<cid>. When the
// module exposes a kernel interface (wwan0/usb0) for CID 1, the interface's
// addresses win over the modem's: that is the address the gateway's own
// sockets use, and in ECM/QMI modes the modem's view can lag or differ.
func (m *ATModem) PDPInfo(ctx context.Context, cid int) (PDPInfo, error) {
	lines, err := m.cmd(ctx, "AT+QIACT?")
	if err != nil {
		return PDPInfo{}, err
	}
	var pi PDPInfo
	found := false
	for _, l := range lines {
		name, f, ok := at.Info(l)
		if c, okc := at.Int(f, 0); !ok || name != "+QIACT" || !okc || c != cid {
			continue
		}
		state, _ := at.Int(f, 1)
		ctype, _ := at.Int(f, 2)
		found = state == 1
		pi.Active, pi.IPType = found, ipTypeOf(ctype)
		addrs := f[min(3, len(f)):]
		switch {
		case ctype == 2 && len(addrs) > 0:
			pi.IPv6 = addrs[0]
		case ctype == 3 && len(addrs) > 1:
			pi.IPv4, pi.IPv6 = addrs[0], addrs[1]
		case len(addrs) > 0:
			pi.IPv4 = addrs[0]
		}
	}
	if found {
		if pi.IPType != 1 {
			cmd := fmt.Sprintf("AT+QIDNSCFG=%d", cid)
			if lines, err := m.cmd(ctx, cmd); err == nil {
				if f, ok := info(lines, "+QIDNSCFG"); ok && len(f) >= 3 {
					pi.DNS4 = [2]string{f[1], f[2]}
				}
			} else if !isRefusal(err) {
				return PDPInfo{}, err
			}
		}
	} else {
		c, err := m.Context(ctx, cid)
		if err != nil && !isRefusal(err) {
			return PDPInfo{}, err
		}
		pi.IPType = c.IPType
	}
	m.bearer(cid, found, false, true)
	if cid == 1 {
		if v4, v6, ok := ifaceAddrs(m.opt.Iface); ok {
			pi.Active, pi.FromKernel = true, true
			if v4 != "" {
				pi.IPv4 = v4
			}
			if v6 != "" {
				pi.IPv6 = v6
			}
		}
	}
	return pi, nil
}

// SetDNS implements Modem with AT+QIDNSCFG=<cid>,"pri","sec".
func (m *ATModem) SetDNS(ctx context.Context, cid int, pri, sec string) error {
	return m.simple(ctx, fmt.Sprintf("AT+QIDNSCFG=%d,%s,%s", cid, at.Quote(pri), at.Quote(sec)))
}
