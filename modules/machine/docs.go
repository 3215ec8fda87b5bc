package machine

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of machine's classes, for help(), __doc__ and
// `qstar stubs`. The hardware behind them is the --board backend.
func init() {
	runtime.RegisterDocs("machine", map[string]string{
		"Pin":         "Pin(GPIOn, direction=Pin.IN, pullMode=Pin.PULL_DISABLE, level=0)\nA GPIO pin: direction Pin.IN or Pin.OUT, pull Pin.PULL_DISABLE, PULL_PU or PULL_PD.",
		"Pin.value":   "value(level=None)\nRead the level, or set it to 0 or 1.",
		"Pin.read":    "read()\nThe pin's level, 0 or 1.",
		"Pin.write":   "write(value)\nSet an output pin to 0 or 1; 0 on success, -1 on failure.",
		"Pin.on":      "on()\nSet the pin high.",
		"Pin.off":     "off()\nSet the pin low.",
		"Pin.set_dir": "set_dir(value)\nMake the pin an input (Pin.IN) or output (Pin.OUT).",
		"Pin.get_dir": "get_dir()\nThe pin's direction, Pin.IN or Pin.OUT.",
		"Pin.init":    "init(direction, pullMode=Pin.PULL_DISABLE, level=0)\nReconfigure the pin.",

		"UART":              "UART(UARTn, baudrate=115200, databits=8, parity=0, stopbits=1, flowctl=0)\nA serial port: parity 0 none, 1 even, 2 odd.",
		"UART.write":        "write(data)\nSend data (str or bytes); the number of bytes written.",
		"UART.read":         "read(nbytes)\nUp to nbytes waiting bytes, as bytes.",
		"UART.readline":     "readline()\nBytes up to and including a newline.",
		"UART.readinto":     "readinto(buf, nbytes=len(buf))\nMove up to nbytes waiting bytes into the bytearray buf; how many.",
		"UART.any":          "any()\nThe number of bytes waiting to be read.",
		"UART.close":        "close()\nClose the port.",
		"UART.set_callback": "set_callback(fun)\nCall fun((status, port, nbytes)) when data arrives.",
		"UART.control_485":  "control_485(UART_GPIOn, direction)\nDrive an RS-485 transceiver's direction pin around writes.",

		"Timer":       "Timer(Timern)\nA hardware timer: Timer.Timer0..Timer3.",
		"Timer.start": "start(period, mode, callback)\nCall callback(t) after period ms, once (Timer.ONE_SHOT) or repeatedly (Timer.PERIODIC); 0 or -1.",
		"Timer.stop":  "stop()\nStop the timer; 0 or -1.",

		"WDT":      "WDT(period)\nA watchdog that restarts the module unless fed within period seconds.",
		"WDT.feed": "feed()\nFeed the watchdog.",
		"WDT.stop": "stop()\nStop the watchdog.",

		"I2C":       "I2C(I2Cn, MODE, option=None)\nAn I2C bus: I2C.STANDARD_MODE (100 kHz) or I2C.FAST_MODE (400 kHz). A third argument, which some firmwares take, is accepted and ignored.",
		"I2C.read":  "read(slaveaddress, addr, addr_len, r_data, datalen, delay)\nRead datalen bytes from a register into the bytearray r_data; 0 or -1.",
		"I2C.write": "write(slaveaddress, addr, addr_len, data, datalen)\nWrite datalen bytes of data to a register; 0 or -1.",

		"ExtInt": "ExtInt(GPIOn, mode, pull, callback)\nAn interrupt on a pin's edge: mode ExtInt.IRQ_RISING, IRQ_FALLING or IRQ_RISING_FALLING.",
		"RTC":    "RTC()\nThe real-time clock: datetime() reads or sets it.",
		"SPI":    "SPI(port, mode, clk)\nAn SPI bus.",
	})
}
