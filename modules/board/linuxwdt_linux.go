package board

import (
	"fmt"
	"os"
	"sync"
	"time"
	"unsafe"
)

// linux/watchdog.h.
var (
	wdiocKeepalive  = 2<<30 | 4<<16 | uintptr('W')<<8 | 5 // _IOR('W', 5, int)
	wdiocSetTimeout = iowr('W', 6, 4)
)

type linuxWatchdog struct {
	mu sync.Mutex
	f  *os.File
}

func openWatchdog(path string, period time.Duration) (*linuxWatchdog, error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("watchdog: %w", err)
	}
	secs := int32((period + time.Second - 1) / time.Second)
	if err := ioctl(f.Fd(), wdiocSetTimeout, unsafe.Pointer(&secs)); err != nil {
		_, _ = f.Write([]byte("V")) // not a watchdog: release it again
		f.Close()
		return nil, fmt.Errorf("watchdog %s: set timeout %ds: %w", path, secs, err)
	}
	return &linuxWatchdog{f: f}, nil
}

func (w *linuxWatchdog) Feed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return os.ErrClosed
	}
	var dummy int32
	return ioctl(w.f.Fd(), wdiocKeepalive, unsafe.Pointer(&dummy))
}

// Stop disarms through the magic close ('V', then close), where the
// driver allows it (not with CONFIG_WATCHDOG_NOWAYOUT).
func (w *linuxWatchdog) Stop() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	_, err := w.f.Write([]byte("V"))
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	return err
}
