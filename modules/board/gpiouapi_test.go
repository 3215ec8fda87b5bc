package board

import (
	"testing"
	"unsafe"
)

// The structs must have the kernel's sizes and offsets (gpio.h), and the
// ioctl numbers the kernel's values: a mismatch is EINVAL on a device.
func TestGPIORequestEncoding(t *testing.T) {
	var r gpioLineRequest
	sizes := []struct {
		name      string
		got, want uintptr
	}{
		{"gpio_v2_line_request", unsafe.Sizeof(r), sizeofLineRequest},
		{"gpio_v2_line_config", unsafe.Sizeof(r.Config), sizeofLineConfig},
		{"gpio_v2_line_values", unsafe.Sizeof(gpioLineValues{}), sizeofLineValues},
		{"gpio_v2_line_event", unsafe.Sizeof(gpioLineEvent{}), sizeofLineEvent},
		{"request.consumer", unsafe.Offsetof(r.Consumer), 256},
		{"request.config", unsafe.Offsetof(r.Config), 288},
		{"request.num_lines", unsafe.Offsetof(r.NumLines), 560},
		{"request.fd", unsafe.Offsetof(r.Fd), 588},
		{"config.attrs", unsafe.Offsetof(r.Config.Attrs), 32},
		{"event.id", unsafe.Offsetof(gpioLineEvent{}.ID), 8},
	}
	for _, s := range sizes {
		if s.got != s.want {
			t.Errorf("%s: %d, want %d", s.name, s.got, s.want)
		}
	}
	ioctls := []struct {
		name      string
		got, want uintptr
	}{
		{"GPIO_V2_GET_LINE_IOCTL", gpioGetLineIoctl, 0xC250B407},
		{"GPIO_V2_LINE_SET_CONFIG_IOCTL", gpioSetConfigIoctl, 0xC110B40D},
		{"GPIO_V2_LINE_GET_VALUES_IOCTL", gpioGetValuesIoctl, 0xC010B40E},
		{"GPIO_V2_LINE_SET_VALUES_IOCTL", gpioSetValuesIoctl, 0xC010B40F},
	}
	for _, c := range ioctls {
		if c.got != c.want {
			t.Errorf("%s = %#x, want %#x", c.name, c.got, c.want)
		}
	}

	out := lineRequest(17, "qstar", lineConfig(gpioFlags(Out, PullUp, Rising, false), 1))
	if out.NumLines != 1 || out.Offsets[0] != 17 || string(out.Consumer[:6]) != "qstar\x00" {
		t.Errorf("request header: %+v", out.Offsets[:2])
	}
	if out.Config.Flags != gpioFlagOutput|gpioFlagPullUp || out.Config.NumAttrs != 1 {
		t.Errorf("output flags %#x attrs %d", out.Config.Flags, out.Config.NumAttrs)
	}
	if a := out.Config.Attrs[0]; a.Attr.ID != gpioAttrOutputValues || a.Attr.Value != 1 || a.Mask != 1 {
		t.Errorf("output value attribute %+v", a)
	}
	in := lineConfig(gpioFlags(In, PullNone, Both, true), 0)
	if in.Flags != gpioFlagInput|gpioFlagBiasOff|gpioFlagEdgeRising|gpioFlagEdgeFalling || in.NumAttrs != 0 {
		t.Errorf("edge input flags %#x attrs %d", in.Flags, in.NumAttrs)
	}
	if f := gpioFlags(In, PullDown, Falling, true); f != gpioFlagInput|gpioFlagPullDown|gpioFlagEdgeFalling {
		t.Errorf("falling flags %#x", f)
	}
	long := lineRequest(0, "a-consumer-name-longer-than-thirty-two-bytes", gpioLineConfig{})
	if long.Consumer[31] != 0 {
		t.Error("consumer not NUL-terminated")
	}
}
