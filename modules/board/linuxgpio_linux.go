package board

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// linuxPin is one GPIO line requested from a gpiochip character device.
type linuxPin struct {
	l          *Linux
	n          int
	chip       string
	line       int
	mu         sync.Mutex
	req        *os.File // the line request; nil until configured
	fd         uintptr  // req's descriptor: req.Fd() would make it blocking
	dir        Dir
	pull       Pull
	edge       Edge
	watching   bool
	watchers   map[int]func(int)
	nextWatch  int
	readerDone chan struct{}
}

func ioctl(fd uintptr, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, fd, req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

// apply requests the line, or changes its configuration; p.mu held.
func (p *linuxPin) apply(level int) error {
	flags := gpioFlags(p.dir, p.pull, p.edge, p.watching)
	cfg := lineConfig(flags, level)
	if p.req != nil {
		if err := ioctl(p.fd, gpioSetConfigIoctl, unsafe.Pointer(&cfg)); err != nil {
			return fmt.Errorf("GPIO%d: set config: %w", p.n, err)
		}
		return nil
	}
	chip, err := p.l.chip(p.chip)
	if err != nil {
		return fmt.Errorf("GPIO%d: %w", p.n, err)
	}
	r := lineRequest(p.line, "qstar", cfg)
	if err := ioctl(chip.Fd(), gpioGetLineIoctl, unsafe.Pointer(&r)); err != nil {
		return fmt.Errorf("GPIO%d (%s line %d): request: %w", p.n, p.chip, p.line, err)
	}
	// Non-blocking, so Close wakes a Read of edge events.
	if err := unix.SetNonblock(int(r.Fd), true); err != nil {
		unix.Close(int(r.Fd))
		return err
	}
	p.req, p.fd = os.NewFile(uintptr(r.Fd), fmt.Sprintf("gpio%d", p.n)), uintptr(r.Fd)
	return nil
}

func (p *linuxPin) Configure(dir Dir, pull Pull, level int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dir, p.pull, p.watching = dir, pull, false
	return p.apply(level)
}

func (p *linuxPin) values(req uintptr, v *gpioLineValues) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.req == nil {
		p.dir = In
		if err := p.apply(0); err != nil {
			return err
		}
	}
	return ioctl(p.fd, req, unsafe.Pointer(v))
}

func (p *linuxPin) Read() (int, error) {
	v := gpioLineValues{Mask: 1}
	if err := p.values(gpioGetValuesIoctl, &v); err != nil {
		return 0, err
	}
	return int(v.Bits & 1), nil
}

func (p *linuxPin) Write(level int) error {
	v := gpioLineValues{Bits: uint64(level & 1), Mask: 1}
	return p.values(gpioSetValuesIoctl, &v)
}

func (p *linuxPin) Watch(e Edge, pull Pull, fn func(int)) (func(), error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dir, p.pull, p.edge, p.watching = In, pull, e, true
	if err := p.apply(0); err != nil {
		return nil, err
	}
	if p.watchers == nil {
		p.watchers = map[int]func(int){}
	}
	id := p.nextWatch
	p.nextWatch++
	p.watchers[id] = fn
	if p.readerDone == nil {
		p.readerDone = make(chan struct{})
		go p.readEvents(p.req, p.readerDone)
	}
	return func() {
		p.mu.Lock()
		delete(p.watchers, id)
		p.mu.Unlock()
	}, nil
}

// readEvents delivers edge events until the request is closed.
func (p *linuxPin) readEvents(f *os.File, done chan struct{}) {
	defer close(done)
	buf := make([]byte, sizeofLineEvent)
	for {
		if _, err := io.ReadFull(f, buf); err != nil {
			return
		}
		level := 0
		if binary.NativeEndian.Uint32(buf[8:12]) == gpioEventRising {
			level = 1
		}
		p.mu.Lock()
		fns := make([]func(int), 0, len(p.watchers))
		for _, fn := range p.watchers {
			fns = append(fns, fn)
		}
		p.mu.Unlock()
		for _, fn := range fns {
			fn(level)
		}
	}
}

func (p *linuxPin) Close() error {
	p.mu.Lock()
	req, done := p.req, p.readerDone
	p.req, p.readerDone = nil, nil
	p.mu.Unlock()
	if req == nil {
		return nil
	}
	err := req.Close()
	if done != nil {
		<-done
	}
	return err
}
