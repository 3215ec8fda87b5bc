package misc

import "time"

// SetUSBPoll shortens the USB watcher's period for a test.
func SetUSBPoll(d time.Duration) (restore func()) {
	old := usbPoll
	usbPoll = d
	return func() { usbPoll = old }
}
