package cellular_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/cellular"
)

// FuzzATModemAnswers: whatever a modem answers to each command, every
// Modem method returns (a value or an error) without panicking.
func FuzzATModemAnswers(f *testing.F) {
	for _, seed := range []string{
		`+CPIN: READY`, `+QIACT: 1,1,3,"10.0.0.1"`, `+QIACT: 1,1,2`, `+QIACT: 1`,
		`+COPS: 0,2,"4",7`, `+COPS: 0,2,"46000"`, `+QCSQ: "LTE",,,999,`, `+QCSQ: "WCDMA"`,
		`+CEREG: 2,1,"zz","-1",x`, `+QICSGP: 9,"a"`, `+QPINC: "SC",3`, `+CNUM: "x"`,
		`+EGMR:`, `+QSIMDET: 1`, `+CFUN:`, `+CSQ: ,`, `+QIDNSCFG: 1`, "\x00\xff", "",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, answer string) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("hang on answer %q", answer)) })
		defer watchdog.Stop()
		near, far := net.Pipe()
		go func() {
			r := bufio.NewReader(far)
			for {
				if _, err := r.ReadString('\r'); err != nil {
					return
				}
				if _, err := far.Write([]byte("\r\n" + answer + "\r\nOK\r\n")); err != nil {
					return
				}
			}
		}()
		m := cellular.NewATModem(near, "fuzz", cellular.ATOptions{Timeout: 50 * time.Millisecond, Iface: "none"})
		defer func() { m.Close(); far.Close() }()
		ctx := context.Background()
		m.SIMStatus(ctx)
		m.IMSI(ctx)
		m.ICCID(ctx)
		m.PhoneNumber(ctx)
		m.PINAttempts(ctx)
		m.SimDet(ctx)
		for id := cellular.IMEI; id <= cellular.Manufacturer; id++ {
			m.Identity(ctx, id)
		}
		m.Context(ctx, 1)
		if pi, err := m.PDPInfo(ctx, 1); err == nil && strings.ContainsAny(pi.IPv4+pi.IPv6, "\r\n") {
			t.Fatalf("address with a line break: %+v", pi)
		}
		m.Registration(ctx)
		m.CSQ(ctx)
		m.Signal(ctx)
		m.Operator(ctx)
		m.Fun(ctx)
	})
}
