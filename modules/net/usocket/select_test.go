package usocket

import "testing"

// select.select over a listening socket and a connection: pending
// connections and data are found without being lost, a quiet socket
// times out empty, the peer's close shows as readable.
func TestSelect(t *testing.T) {
	out, _ := script(t, `
		import socket
		import select
		srv = socket.socket()
		srv.bind(('127.0.0.1', 0))
		srv.listen(5)
		port = srv.getsockname()[1]
		print(select.select([srv], [], [], 0))
		cli = socket.create_connection(('127.0.0.1', port))
		r, w, x = select.select([srv], [], [], 2)
		print(r == [srv])
		conn, addr = srv.accept()
		cli.sendall(b'line one\n')
		r, w, x = select.select([conn], [conn], [], 2)
		print(r == [conn], w == [conn])
		print(conn.readline())
		print(select.select([conn], [], [], 0.05)[0])
		cli.close()
		r, _, _ = select.select([conn], [], [], 2)
		print(r == [conn], conn.recv(10))
		conn.close()
		srv.close()
	`, 0)
	wantOutput(t, out, `
		([], [], [])
		True
		True True
		b'line one\n'
		[]
		True b''
	`)
}

// uselect.poll as MicroPython servers use it: register, poll(ms) gives
// (obj, events), unregister.
func TestPoll(t *testing.T) {
	port := udpEcho(t)
	out, _ := script(t, `
		import usocket
		import uselect
		s = usocket.socket(usocket.AF_INET, usocket.SOCK_DGRAM)
		s.connect(('127.0.0.1', PORT))
		p = uselect.poll()
		p.register(s, uselect.POLLIN)
		print(p.poll(0))
		s.send(b'hi')
		ev = p.poll(2000)
		print(len(ev), ev[0][0] == s, ev[0][1] & uselect.POLLIN)
		print(s.recv(100))
		p.unregister(s)
		print(p.poll(0))
		s.close()
	`, port)
	wantOutput(t, out, `
		[]
		1 True 1
		b're:hi'
		[]
	`)
}
