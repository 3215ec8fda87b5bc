package usocket

import (
	"net"
	"syscall"
	"unsafe"
)

// linuxToLwIP maps Linux's tcpi_state (include/net/tcp_states.h) to
// lwIP's numbering.
var linuxToLwIP = map[byte]int{
	1: stEstablished, 2: stSynSent, 3: stSynRcvd, 4: stFinWait1, 5: stFinWait2,
	6: stTimeWait, 7: stClosed, 8: stCloseWait, 9: stLastAck, 10: stListen, 11: stClosing,
}

// kernelState reads tcpi_state, the first byte of struct tcp_info.
func kernelState(tc *net.TCPConn) (int, bool) {
	raw, err := tc.SyscallConn()
	if err != nil {
		return 0, false
	}
	var info [232]byte
	var gerr error
	cerr := raw.Control(func(fd uintptr) {
		n := uint32(len(info))
		_, _, e := syscall.Syscall6(syscall.SYS_GETSOCKOPT, fd, syscall.IPPROTO_TCP, syscall.TCP_INFO,
			uintptr(unsafe.Pointer(&info[0])), uintptr(unsafe.Pointer(&n)), 0)
		if e != 0 {
			gerr = e
		}
	})
	if cerr != nil || gerr != nil {
		return 0, false
	}
	st, ok := linuxToLwIP[info[0]]
	return st, ok
}
