package board

import (
	"errors"
	"fmt"
	"os"
	goruntime "runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// linux/i2c-dev.h and linux/i2c.h.
const (
	i2cSlave = 0x0703
	i2cRdwr  = 0x0707
	i2cMRd   = 0x0001
)

type i2cMsg struct {
	Addr, Flags, Len uint16
	_                uint16
	Buf              uintptr
}

type i2cRdwrData struct {
	Msgs  uintptr
	NMsgs uint32
}

// i2cMessages is one combined transfer: a write, then a read after a
// repeated start.
func i2cMessages(addr int, w, r []byte) []i2cMsg {
	var msgs []i2cMsg
	if len(w) > 0 {
		msgs = append(msgs, i2cMsg{Addr: uint16(addr), Len: uint16(len(w)), Buf: uintptr(unsafe.Pointer(&w[0]))})
	}
	if len(r) > 0 {
		msgs = append(msgs, i2cMsg{Addr: uint16(addr), Flags: i2cMRd, Len: uint16(len(r)), Buf: uintptr(unsafe.Pointer(&r[0]))})
	}
	return msgs
}

type linuxI2C struct {
	mu sync.Mutex
	f  *os.File
}

func (b *linuxI2C) Tx(addr int, w, r []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(w) == 0 && len(r) == 0 {
		return nil
	}
	var pin goruntime.Pinner // the kernel reads these buffers through uintptrs
	defer pin.Unpin()
	if len(w) > 0 {
		pin.Pin(&w[0])
	}
	if len(r) > 0 {
		pin.Pin(&r[0])
	}
	msgs := i2cMessages(addr, w, r)
	pin.Pin(&msgs[0])
	data := i2cRdwrData{Msgs: uintptr(unsafe.Pointer(&msgs[0])), NMsgs: uint32(len(msgs))}
	err := ioctl(b.f.Fd(), i2cRdwr, unsafe.Pointer(&data))
	if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EINVAL) {
		err = b.plain(addr, w, r) // an SMBus-only adapter
	}
	if err != nil {
		return fmt.Errorf("I2C address 0x%02x: %w", addr, err)
	}
	return nil
}

// plain is I2C_SLAVE then write and read: two transfers, no repeated start.
func (b *linuxI2C) plain(addr int, w, r []byte) error {
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, b.f.Fd(), i2cSlave, uintptr(addr)); e != 0 {
		return e
	}
	if len(w) > 0 {
		if _, err := b.f.Write(w); err != nil {
			return err
		}
	}
	if len(r) > 0 {
		if _, err := b.f.Read(r); err != nil {
			return err
		}
	}
	return nil
}

func (b *linuxI2C) Close() error { return b.f.Close() }
