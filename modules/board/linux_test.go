//go:build linux

package board

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func linuxFromMap(t *testing.T, js string) *Linux {
	t.Helper()
	path := filepath.Join(t.TempDir(), "map.json")
	writeFile(t, path, js)
	b, err := Open("linux:" + path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b.(*Linux)
}

// ADC and battery voltage come from sysfs files; here, files laid out
// as IIO and power_supply lay them out.
func TestLinuxADCAndVbatt(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/iio/in_voltage0_raw", "1000\n")
	writeFile(t, dir+"/iio/in_voltage_scale", "0.805664062\n")
	writeFile(t, dir+"/iio/in_voltage1_raw", "10\n")
	writeFile(t, dir+"/iio/in_voltage1_scale", "2.5\n")
	writeFile(t, dir+"/bat/voltage_now", "3712000\n")
	js := `{"adc": {"0": "` + dir + `/iio/in_voltage0", "1": "` + dir + `/iio/in_voltage1", "2": "` + dir + `/iio/in_voltage2"}, "vbatt": "` + dir + `/bat/voltage_now"}`
	l := linuxFromMap(t, js)
	if mv, err := l.ADC(0); err != nil || mv != 806 {
		t.Errorf("ADC0 = %d, %v; want 806", mv, err)
	}
	if mv, err := l.ADC(1); err != nil || mv != 25 {
		t.Errorf("ADC1 = %d, %v; want 25 (per-channel scale)", mv, err)
	}
	if _, err := l.ADC(2); err == nil {
		t.Error("ADC2 without files: no error")
	}
	if mv, err := l.Vbatt(); err != nil || mv != 3712 {
		t.Errorf("Vbatt = %d, %v", mv, err)
	}
}

func TestLinuxMapErrors(t *testing.T) {
	dir := t.TempDir()
	for js, want := range map[string]string{
		`{"gpio": {"1": "gpiochip0"}}`:    `want /dev/gpiochipN:LINE`,
		`{"uart": {"two": "/dev/ttyS1"}}`: `key "two": want a number`,
		`{"gpios": {}}`:                   `unknown field "gpios"`,
		"{\n\"i2c\": [1]}":                `2:9: i2c: want an object, not a JSON array`,
	} {
		path := filepath.Join(dir, "m.json")
		writeFile(t, path, js)
		if err := Check("linux:" + path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", js, err, want)
		}
	}
}

// A path that is not a watchdog is refused, and released with the magic
// 'V' so a real one would not reset the host.
func TestLinuxWatchdogRefusesOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "watchdog")
	writeFile(t, path, "")
	l := linuxFromMap(t, `{"watchdog": "`+path+`"}`)
	if _, err := l.Watchdog(10*time.Second, nil); err == nil || !strings.Contains(err.Error(), "set timeout 10s") {
		t.Errorf("Watchdog on a plain file: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "V" {
		t.Errorf("magic close not written: %q", data)
	}
	if wdiocSetTimeout != 0xC0045706 || wdiocKeepalive != 0x80045705 {
		t.Errorf("watchdog ioctls %#x %#x", wdiocSetTimeout, wdiocKeepalive)
	}
}

func TestLinuxWatchdogDevice(t *testing.T) {
	if _, err := os.Stat("/dev/watchdog"); err != nil {
		t.Skip("no /dev/watchdog on this host (and arming one would reset it): covered by TestLinuxWatchdogRefusesOtherFiles")
	}
	t.Skip("/dev/watchdog exists, but arming it from a test could reset the host; run by hand")
}

func TestI2CMessageEncoding(t *testing.T) {
	w, r := []byte{0xE7}, make([]byte, 3)
	msgs := i2cMessages(0x40, w, r)
	if len(msgs) != 2 || msgs[0].Addr != 0x40 || msgs[0].Flags != 0 || msgs[0].Len != 1 ||
		msgs[1].Flags != i2cMRd || msgs[1].Len != 3 || msgs[1].Buf != uintptr(unsafe.Pointer(&r[0])) {
		t.Errorf("messages %+v", msgs)
	}
	if want := 8 + unsafe.Sizeof(uintptr(0)); unsafe.Sizeof(i2cMsg{}) != want {
		t.Errorf("struct i2c_msg is %d bytes, want %d", unsafe.Sizeof(i2cMsg{}), want)
	}
	if got := i2cMessages(0x40, nil, r); len(got) != 1 || got[0].Flags != i2cMRd {
		t.Errorf("read-only transfer %+v", got)
	}
}

func TestLinuxI2CBus(t *testing.T) {
	buses, _ := filepath.Glob("/dev/i2c-*")
	if len(buses) == 0 {
		t.Skip("no /dev/i2c-* on this host (no i2c-dev, no i2c-stub module to load): covered by TestI2CMessageEncoding")
	}
	t.Skipf("%v exist, but writing to an unknown device is not safe; run with an i2c-stub bus by hand", buses)
}

func TestSPIMessageEncoding(t *testing.T) {
	if unsafe.Sizeof(spiTransfer{}) != sizeofSPITransfer {
		t.Errorf("struct spi_ioc_transfer is %d bytes, want 32", unsafe.Sizeof(spiTransfer{}))
	}
	if spiIocMessage1 != 0x40206B00 || spiIocWrMode != 0x40016B01 || spiIocWrSpeed != 0x40046B04 {
		t.Errorf("spidev ioctls %#x %#x %#x", spiIocMessage1, spiIocWrMode, spiIocWrSpeed)
	}
	w, r := []byte{0x9F, 0, 0}, make([]byte, 3)
	m := spiMessage(w, r, 812500)
	if m.Len != 3 || m.SpeedHz != 812500 || m.BitsPerWord != 8 || m.TxBuf != uint64(uintptr(unsafe.Pointer(&w[0]))) || m.RxBuf != uint64(uintptr(unsafe.Pointer(&r[0]))) {
		t.Errorf("transfer %+v", m)
	}
	if m := spiMessage(nil, r, 1); m.TxBuf != 0 || m.Len != 3 {
		t.Errorf("read-only transfer %+v", m)
	}
	if _, err := os.Stat("/dev/spidev0.0"); err != nil {
		t.Log("no /dev/spidev0.0 on this host: the spidev path is covered by the encoding checks only")
	}
}
