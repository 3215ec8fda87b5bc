package board

// Why qstar speaks the GPIO uAPI itself rather than through a library:
//
//   - github.com/warthog618/go-gpiocdev (gpiod renamed, maintained:
//     cgo-free, uAPI v1 and v2, edge events with timestamps and debounce,
//     a gpio-sim based test suite) is the better library, but
//     the Go module proxy this project builds from refuses it ("403: this
//     module version is not available"), so it cannot be a dependency.
//   - periph.io/x/host/v3/gpioioctl (v3.8.5, on the proxy, cgo-free, uAPI
//     v2, WaitForEdge) registers a driver in init and needs host.Init to
//     find chips, logs through the log package instead of returning
//     errors, and its Read() on an output line re-requests the line as an
//     input with pull-up, which breaks QuecPython's Pin.read() on an
//     output (it must return the driven level).
//
// What qstar needs is small: one line per request, set config, get/set
// values, and edge events read from the request's descriptor. So the
// structures and ioctl numbers below are the kernel's, checked by a unit
// test, and exercised against gpio-sim where the kernel has it.

// The Linux GPIO character device's v2 uAPI (include/uapi/linux/gpio.h),
// laid out as the kernel has it. Each u64 sits at a multiple of 8 through
// the header's own padding, so the Go layout matches on 32-bit ARM too.

const (
	gpioMaxNameSize = 32
	gpioLinesMax    = 64
	gpioAttrsMax    = 10
)

// Line flags.
const (
	gpioFlagActiveLow   = 1 << 1
	gpioFlagInput       = 1 << 2
	gpioFlagOutput      = 1 << 3
	gpioFlagEdgeRising  = 1 << 4
	gpioFlagEdgeFalling = 1 << 5
	gpioFlagPullUp      = 1 << 8
	gpioFlagPullDown    = 1 << 9
	gpioFlagBiasOff     = 1 << 10
)

// Attribute ids and event ids.
const (
	gpioAttrFlags        = 1
	gpioAttrOutputValues = 2
	gpioEventRising      = 1
	gpioEventFalling     = 2
)

type gpioLineAttribute struct {
	ID      uint32
	Padding uint32
	Value   uint64 // flags, values or debounce_period_us, by ID
}

type gpioLineConfigAttribute struct {
	Attr gpioLineAttribute
	Mask uint64
}

type gpioLineConfig struct {
	Flags    uint64
	NumAttrs uint32
	Padding  [5]uint32
	Attrs    [gpioAttrsMax]gpioLineConfigAttribute
}

type gpioLineRequest struct {
	Offsets         [gpioLinesMax]uint32
	Consumer        [gpioMaxNameSize]byte
	Config          gpioLineConfig
	NumLines        uint32
	EventBufferSize uint32
	Padding         [5]uint32
	Fd              int32
}

type gpioLineValues struct {
	Bits, Mask uint64
}

type gpioLineEvent struct {
	TimestampNs uint64
	ID          uint32
	Offset      uint32
	Seqno       uint32
	LineSeqno   uint32
	Padding     [6]uint32
}

// Sizes the kernel checks through the ioctl numbers.
const (
	sizeofLineRequest = 592
	sizeofLineConfig  = 272
	sizeofLineValues  = 16
	sizeofLineEvent   = 48
)

// iowr is the _IOWR ioctl number (asm-generic layout: x86, ARM, RISC-V).
func iowr(typ, nr, size uintptr) uintptr { return 3<<30 | size<<16 | typ<<8 | nr }

var (
	gpioGetLineIoctl   = iowr(0xB4, 0x07, sizeofLineRequest)
	gpioSetConfigIoctl = iowr(0xB4, 0x0D, sizeofLineConfig)
	gpioGetValuesIoctl = iowr(0xB4, 0x0E, sizeofLineValues)
	gpioSetValuesIoctl = iowr(0xB4, 0x0F, sizeofLineValues)
)

// gpioFlags maps a QuecPython direction, pull and edge to line flags.
func gpioFlags(dir Dir, pull Pull, edge Edge, watch bool) uint64 {
	var f uint64
	if dir == Out {
		f |= gpioFlagOutput
	} else {
		f |= gpioFlagInput
	}
	switch pull {
	case PullUp:
		f |= gpioFlagPullUp
	case PullDown:
		f |= gpioFlagPullDown
	default:
		f |= gpioFlagBiasOff
	}
	if watch {
		switch edge {
		case Rising:
			f |= gpioFlagEdgeRising
		case Falling:
			f |= gpioFlagEdgeFalling
		default:
			f |= gpioFlagEdgeRising | gpioFlagEdgeFalling
		}
	}
	return f
}

// lineConfig is a one-line config; an output also carries its level.
func lineConfig(flags uint64, level int) gpioLineConfig {
	c := gpioLineConfig{Flags: flags}
	if flags&gpioFlagOutput != 0 {
		c.NumAttrs = 1
		c.Attrs[0] = gpioLineConfigAttribute{
			Attr: gpioLineAttribute{ID: gpioAttrOutputValues, Value: uint64(level & 1)},
			Mask: 1,
		}
	}
	return c
}

// lineRequest asks for one line (offset) of a chip.
func lineRequest(offset int, consumer string, cfg gpioLineConfig) gpioLineRequest {
	r := gpioLineRequest{NumLines: 1, Config: cfg, EventBufferSize: 16}
	r.Offsets[0] = uint32(offset)
	copy(r.Consumer[:gpioMaxNameSize-1], consumer)
	return r
}
