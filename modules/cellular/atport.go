package cellular

import (
	"context"
	"time"

	"github.com/qstar-dev/qstar/modules/cellular/atsim"
)

// AT implements ATPort on the serial port.
func (m *ATModem) AT(ctx context.Context, cmd string, timeout time.Duration) ([]string, string, error) {
	return m.c.Raw(ctx, cmd, timeout)
}

// ATBody implements ATPort on the serial port.
func (m *ATModem) ATBody(ctx context.Context, cmd, body string, timeout time.Duration) ([]string, string, error) {
	return m.c.WithBody(ctx, cmd, body, timeout)
}

// AT implements ATPort with the AT simulator's command set on State.
func (m *SimModem) AT(_ context.Context, cmd string, _ time.Duration) ([]string, string, error) {
	return split(atsim.Answer(m.State, cmd))
}

// ATBody implements ATPort for AT+CMGS.
func (m *SimModem) ATBody(_ context.Context, cmd, body string, _ time.Duration) ([]string, string, error) {
	return split(atsim.Submit(m.State, cmd, body))
}

func split(lines []string) ([]string, string, error) {
	if len(lines) == 0 {
		return nil, "ERROR", nil
	}
	return lines[:len(lines)-1], lines[len(lines)-1], nil
}
