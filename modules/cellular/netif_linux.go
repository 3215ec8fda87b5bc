//go:build linux

package cellular

import "net"

// ifaceAddrs returns the IPv4 and global IPv6 address of the modem's
// kernel interface (QMI wwan0, ECM/RNDIS usb0) when it is up and has one.
// name "" tries wwan0 then usb0; "none" turns the lookup off.
func ifaceAddrs(name string) (v4, v6 string, ok bool) {
	names := []string{name}
	switch name {
	case "none":
		return "", "", false
	case "":
		names = []string{"wwan0", "usb0"}
	}
	for _, n := range names {
		ifc, err := net.InterfaceByName(n)
		if err != nil || ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, isNet := a.(*net.IPNet)
			if !isNet {
				continue
			}
			switch {
			case ipn.IP.To4() != nil && v4 == "":
				v4 = ipn.IP.String()
			case ipn.IP.To4() == nil && !ipn.IP.IsLinkLocalUnicast() && v6 == "":
				v6 = ipn.IP.String()
			}
		}
		if v4 != "" || v6 != "" {
			return v4, v6, true
		}
	}
	return "", "", false
}
