package emulator

import "time"

// formOnly is the clock the form checks run against when only the shape
// of the credentials matters: no token has expired at the epoch.
var formOnly = time.Unix(0, 0)

// lenient is a refusal the real platform would make that the emulator
// lets through, with a warning: an expired token of a device with no
// secret registered, so doc samples with old tokens run offline. With a
// registered secret, or Options.Strict, it refuses as the platform does.
type lenient struct{ reason error }

func (l *lenient) Error() string { return l.reason.Error() }

// expiredOK decides about an expiry refusal err for a device.
func expiredOK(c Connect, registered bool, err error) error {
	if registered || c.strict {
		return err
	}
	return &lenient{err}
}
