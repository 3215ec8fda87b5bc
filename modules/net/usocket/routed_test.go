package usocket

import (
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/modules/net/internal/nettest"
	"github.com/qstar-dev/qstar/runtime"
)

// With every connection routed by name (--emulate), a name this host cannot
// resolve still gets an address, and connect dials the name, so a device
// script's getaddrinfo-connect-send-recv reaches the local server; without
// routing the same name is OSError -2.
func TestUnresolvableNameIsRoutedByName(t *testing.T) {
	port := tcpServer(t, upperEcho)
	src := `
		import usocket
		try:
			addr = usocket.getaddrinfo('device.example.invalid', 80)[0][-1]
		except OSError as e:
			print('getaddrinfo', e.args[0])
		else:
			print(addr[0].startswith('198.1'), addr[1], usocket.getaddrinfo('device.example.invalid', 80)[0][-1] == addr)
			s = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM)
			s.connect(addr)
			s.send(b'hello\n')
			print(s.recv(64))
			s.close()
	`
	route := func(network, addr string) string { return "127.0.0.1:" + strconv.Itoa(port) }
	var dials *nettest.Dials
	in, out, _ := nettest.Interp(t, func(env *runtime.Env) {
		dials = nettest.Loopback(env, route)
		env.Routed = true
	})
	got := nettest.Py(t, in, out, src)
	if got != "True 80 True\nb'HELLO\\n'\n" {
		t.Errorf("routed: got %q", got)
	}
	if d := dials.List(); len(d) != 1 || d[0] != "tcp device.example.invalid:80" {
		t.Errorf("dials %v, want the name dialled", d)
	}
	plain, _ := script(t, src, port)
	if plain != "getaddrinfo -2\n" {
		t.Errorf("not routed: got %q", plain)
	}
	if ip := routedIP("device.example.invalid"); !(&net.IPNet{IP: net.IPv4(198, 18, 0, 0), Mask: net.CIDRMask(15, 32)}).Contains(ip) || strings.HasSuffix(ip.String(), ".0") {
		t.Errorf("routedIP = %v, want an address in 198.18.0.0/15", ip)
	}
}
