package usocket

import (
	"net"

	"golang.org/x/sys/unix"
)

// linuxToLwIP maps Linux's tcpi_state (include/net/tcp_states.h) to
// lwIP's numbering.
var linuxToLwIP = map[byte]int{
	1: stEstablished, 2: stSynSent, 3: stSynRcvd, 4: stFinWait1, 5: stFinWait2,
	6: stTimeWait, 7: stClosed, 8: stCloseWait, 9: stLastAck, 10: stListen, 11: stClosing,
}

// kernelState reads tcpi_state from struct tcp_info (x/sys/unix knows how
// to ask on every Linux arch: 386 has no getsockopt syscall of its own).
func kernelState(tc *net.TCPConn) (int, bool) {
	raw, err := tc.SyscallConn()
	if err != nil {
		return 0, false
	}
	var info *unix.TCPInfo
	var gerr error
	cerr := raw.Control(func(fd uintptr) {
		info, gerr = unix.GetsockoptTCPInfo(int(fd), unix.IPPROTO_TCP, unix.TCP_INFO)
	})
	if cerr != nil || gerr != nil {
		return 0, false
	}
	st, ok := linuxToLwIP[info.State]
	return st, ok
}
