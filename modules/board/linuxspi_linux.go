package board

import (
	"fmt"
	"os"
	goruntime "runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// linux/spi/spidev.h.
type spiTransfer struct {
	TxBuf, RxBuf uint64
	Len, SpeedHz uint32
	DelayUsecs   uint16
	BitsPerWord  uint8
	CSChange     uint8
	TxNbits      uint8
	RxNbits      uint8
	WordDelay    uint8
	_            uint8
}

const sizeofSPITransfer = 32

// _IOW('k', nr, size)
func spiIOW(nr, size uintptr) uintptr { return 1<<30 | size<<16 | uintptr('k')<<8 | nr }

var (
	spiIocMessage1 = spiIOW(0, sizeofSPITransfer)
	spiIocWrMode   = spiIOW(1, 1)
	spiIocWrSpeed  = spiIOW(4, 4)
)

type linuxSPI struct {
	mu sync.Mutex
	f  *os.File
	hz uint32
}

// SPI implements Board through spidev.
func (l *Linux) SPI(port, mode, hz int) (SPI, error) {
	path := l.m.path(l.m.SPI, port, "/dev/spidev%d.0")
	f, err := os.OpenFile(path, os.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("SPI%d: %w", port, err)
	}
	m, speed := uint8(mode&3), uint32(hz)
	if err := ioctl(f.Fd(), spiIocWrMode, unsafe.Pointer(&m)); err != nil {
		f.Close()
		return nil, fmt.Errorf("SPI%d (%s): set mode %d: %w", port, path, mode, err)
	}
	if err := ioctl(f.Fd(), spiIocWrSpeed, unsafe.Pointer(&speed)); err != nil {
		f.Close()
		return nil, fmt.Errorf("SPI%d (%s): set speed %d Hz: %w", port, path, hz, err)
	}
	b := &linuxSPI{f: f, hz: speed}
	l.track(b)
	return b, nil
}

// spiMessage is one full-duplex transfer of n bytes.
func spiMessage(w, r []byte, hz uint32) spiTransfer {
	t := spiTransfer{Len: uint32(max(len(w), len(r))), SpeedHz: hz, BitsPerWord: 8}
	if len(w) > 0 {
		t.TxBuf = uint64(uintptr(unsafe.Pointer(&w[0])))
	}
	if len(r) > 0 {
		t.RxBuf = uint64(uintptr(unsafe.Pointer(&r[0])))
	}
	return t
}

func (b *linuxSPI) Transfer(w, r []byte) error {
	if len(w) > 0 && len(r) > 0 && len(w) != len(r) {
		return fmt.Errorf("SPI transfer: %d bytes out, %d in", len(w), len(r))
	}
	if len(w) == 0 && len(r) == 0 {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var pin goruntime.Pinner
	defer pin.Unpin()
	if len(w) > 0 {
		pin.Pin(&w[0])
	}
	if len(r) > 0 {
		pin.Pin(&r[0])
	}
	t := spiMessage(w, r, b.hz)
	return ioctl(b.f.Fd(), spiIocMessage1, unsafe.Pointer(&t))
}

func (b *linuxSPI) Close() error { return b.f.Close() }
