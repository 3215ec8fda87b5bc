package board

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// LinuxMap ties QuecPython's numbers to this host's devices. Every entry
// is optional; unlisted numbers use the defaults in the field comments.
//
//	{"gpio": {"1": "/dev/gpiochip0:17"}, "uart": {"2": "/dev/ttyS1"},
//	 "i2c": {"1": "/dev/i2c-1"}, "adc": {"0": "/sys/bus/iio/devices/iio:device0/in_voltage0"},
//	 "vbatt": "/sys/class/power_supply/BAT0/voltage_now", "watchdog": "/dev/watchdog", "wifi": "wlan0"}
type LinuxMap struct {
	GPIO     map[string]string `json:"gpio"`     // GPIOn -> "/dev/gpiochip0:<n>"
	UART     map[string]string `json:"uart"`     // UARTn -> "/dev/ttyS<n>"
	I2C      map[string]string `json:"i2c"`      // I2Cn -> "/dev/i2c-<n>"
	SPI      map[string]string `json:"spi"`      // SPIn -> "/dev/spidev<n>.0"
	ADC      map[string]string `json:"adc"`      // ADCn -> iio:device0 in_voltage<n> (_raw × _scale)
	Vbatt    string            `json:"vbatt"`    // first power_supply */voltage_now
	Watchdog string            `json:"watchdog"` // /dev/watchdog
	WiFi     string            `json:"wifi"`     // wifiScan's interface: the first /sys/class/net/*/wireless
	GNSS     string            `json:"gnss"`     // quecgnss's NMEA serial port "/dev/ttyUSB1[,9600]": none by default
}

func loadLinuxMap(path string) (*LinuxMap, error) {
	m := &LinuxMap{}
	if path == "" {
		return m, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("board map: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(m); err != nil {
		return nil, fmt.Errorf("%s:%w", path, jsonError(data, err, dec.InputOffset()))
	}
	for _, sec := range []map[string]string{m.GPIO, m.UART, m.I2C, m.SPI, m.ADC} {
		for k := range sec {
			if _, err := strconv.Atoi(k); err != nil {
				return nil, fmt.Errorf("%s: key %q: want a number such as \"2\"", path, k)
			}
		}
	}
	for k, v := range m.GPIO {
		if _, _, err := splitLine(v); err != nil {
			return nil, fmt.Errorf("%s: gpio %s: %w", path, k, err)
		}
	}
	return m, nil
}

// splitLine parses "/dev/gpiochip0:17" (or "gpiochip0:17").
func splitLine(s string) (string, int, error) {
	chip, line, ok := strings.Cut(s, ":")
	n, err := strconv.Atoi(line)
	if !ok || err != nil || n < 0 || chip == "" {
		return "", 0, fmt.Errorf("%q: want /dev/gpiochipN:LINE", s)
	}
	if !strings.HasPrefix(chip, "/") {
		chip = "/dev/" + chip
	}
	return chip, n, nil
}

func (m *LinuxMap) gpio(n int) (string, int) {
	if v, ok := m.GPIO[strconv.Itoa(n)]; ok {
		chip, line, _ := splitLine(v)
		return chip, line
	}
	return "/dev/gpiochip0", n
}

func (m *LinuxMap) path(sec map[string]string, n int, def string) string {
	if v, ok := sec[strconv.Itoa(n)]; ok {
		return v
	}
	return fmt.Sprintf(def, n)
}
