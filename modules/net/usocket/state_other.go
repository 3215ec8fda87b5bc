//go:build !linux

package usocket

import "net"

// kernelState is not available here; getsocketsta reports what the
// socket has seen.
func kernelState(*net.TCPConn) (int, bool) { return 0, false }
