//go:build linux

package machine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The linux board's UART is go.bug.st/serial on a real tty: here a
// pseudo-terminal, with the test as the device on the other end.
func TestLinuxUARTOnPTY(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminals on this host: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	mapFile := filepath.Join(t.TempDir(), "map.json")
	os.WriteFile(mapFile, []byte(`{"uart": {"2": "`+tty.Name()+`"}}`), 0o644)

	go func() { // the device: answer the script's line, then send unprompted data
		buf := make([]byte, 64)
		var got []byte
		for !strings.Contains(string(got), "\n") {
			n, err := master.Read(buf)
			if err != nil {
				return
			}
			got = append(got, buf[:n]...)
		}
		master.Write([]byte("echo:" + string(got)))
		time.Sleep(50 * time.Millisecond)
		master.Write([]byte("later"))
	}()

	mustPy(t, "linux:"+mapFile, `
from machine import UART
import utime
u = UART(UART.UART2, 115200, 8, 0, 1, 0)
events = []
u.set_callback(lambda a: events.append(a[0]))
print(u.write("ping\n"))
for i in range(100):
    if u.any() >= 10:
        break
    utime.sleep_ms(10)
print(u.read(64))
utime.sleep_ms(200)
print(u.read(), events[0], len(events) >= 2)
print(u.close())
`, lines("5", "b'echo:ping\\n'", "b'later' 0 True", "0"))
}
