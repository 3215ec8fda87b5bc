//go:build !linux

package cellular

// ifaceAddrs reads kernel interfaces on Linux only.
func ifaceAddrs(string) (v4, v6 string, ok bool) { return "", "", false }
