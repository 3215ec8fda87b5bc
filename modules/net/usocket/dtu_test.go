package usocket

import (
	"net"
	"strings"
	"testing"
)

// The DTU solution's socket channel: a receive thread that treats errno
// 110 as "nothing yet" and anything else as the end, a keep-alive set
// with TCP_KEEPALIVE, write() counted against len(data), and
// getsocketsta() mapped to connected / disconnected.
func TestDTUChannelPattern(t *testing.T) {
	port := tcpServer(t, func(c net.Conn) {
		buf := make([]byte, 100)
		for {
			n, err := c.Read(buf)
			if err != nil || strings.Contains(string(buf[:n]), "bye") {
				return // closing: the device sees CLOSE_WAIT
			}
			c.Write(buf[:n])
		}
	})
	out, _ := script(t, `
		import usocket
		import _thread
		import utime

		state = {'got': [], 'ended': None}
		s = usocket.socket(usocket.AF_INET, usocket.SOCK_STREAM, usocket.IPPROTO_TCP)
		addr = usocket.getaddrinfo('127.0.0.1', PORT)[0][-1]
		s.connect(addr)
		s.setsockopt(usocket.SOL_SOCKET, usocket.TCP_KEEPALIVE, 1)
		s.settimeout(0.05)

		def status():
			sta = s.getsocketsta()
			if sta in range(4):
				return 'connecting'
			if sta == 4:
				return 'connected'
			if sta in range(5, 11):
				return 'disconnected'
			return 'error'

		def rx():
			while True:
				data = b''
				try:
					data = s.recv(1024)
				except Exception as e:
					if e.args[0] != 110:
						state['ended'] = e.args[0]
						break
				else:
					if data != b'':
						state['got'].append(data)
				utime.sleep_ms(5)

		_thread.start_new_thread(rx, ())
		print(status())
		data = 'hello dtu'
		print(s.write(data) == len(data))
		n = 0
		while not state['got'] and n < 400:
			utime.sleep_ms(5)
			n += 1
		print(state['got'])
		s.write(b'bye')
		n = 0
		while state['ended'] == None and n < 400:
			utime.sleep_ms(5)
			n += 1
		print('ended', state['ended'], status())
		s.close()
		print(status())
	`, port)
	wantOutput(t, out, `
		connected
		True
		[b'hello dtu']
		ended 107 disconnected
		error
	`)
}
