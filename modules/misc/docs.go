package misc

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs bind misc's arguments and document them (help, __doc__, stubs).
var sigs = map[string]*pyargs.Sig{
	"Power":                          pyargs.NewSig("Power()", "Power control, used as a class of static functions (Power.powerRestart())."),
	"Power.powerRestart":             pyargs.NewSig("powerRestart()", "Close connections and end the run with exit code 75: a supervisor starts qstar again."),
	"Power.powerDown":                pyargs.NewSig("powerDown()", "Close connections and end the run with exit code 0."),
	"Power.getVbatt":                 pyargs.NewSig("getVbatt()", "The supply voltage in mV from the board, or -1."),
	"Power.powerOnReason":            pyargs.NewSig("powerOnReason()", "Why the board powered on, as QuecPython numbers it."),
	"Power.powerDownReason":          pyargs.NewSig("powerDownReason()", "Why the board last powered down, as QuecPython numbers it."),
	"Power.batManageInit":            pyargs.NewSig("batManageInit(discharge_curve, charge_curve, /)", "Start battery management with the cell's curves, lists of (mV, percent) pairs; 0, or -1 when a curve is not such a list."),
	"Power.batSetCallback":           pyargs.NewSig("batSetCallback(fun, /)", "fun([event, value]) hears charge changes (0 state of charge, 1 charging state); 0, or -1 when not callable. The board's supply does not change, so it is not called."),
	"Power.batGetSoc":                pyargs.NewSig("batGetSoc()", "The state of charge 0..100, read off the discharge curve at getVbatt() (the built-in Li-ion curve before batManageInit); -1 when the board has no battery reading."),
	"USBNET":                         pyargs.NewSig("USBNET()", "The module's USB network card, used as a class of static functions (USBNET.open()); Type_ECM 1, Type_RNDIS 3."),
	"USBNET.set_worktype":            pyargs.NewSig("set_worktype(type, /)", "Choose ECM (1) or RNDIS (3) for after the next restart; 0, or -1 for another type."),
	"USBNET.get_worktype":            pyargs.NewSig("get_worktype()", "The work type in use (1 ECM, the default, or 3 RNDIS); set_worktype changes it only at a restart."),
	"USBNET.get_status":              pyargs.NewSig("get_status()", "1 while the card is open, else 0."),
	"USBNET.open":                    pyargs.NewSig("open()", "Open the card; 0. The gateway's own network is not changed."),
	"USBNET.close":                   pyargs.NewSig("close()", "Close the card; 0."),
	"USBNET.setMAC":                  pyargs.NewSig("setMAC(mac, /)", "The card's MAC address, 6 bytes, for after the next restart; 0, or -1 when it is not 6 bytes."),
	"USBNET.getMAC":                  pyargs.NewSig("getMAC()", "The MAC address setMAC last set (a locally administered default before)."),
	"USBNET.getNat":                  pyargs.NewSig("getNat(simid, pid, /)", "The NAT flag of PDP pid (1..7, simid 0): 0 (IPv6 dial-up allowed, the default) or 1; -1 out of range."),
	"USBNET.setNat":                  pyargs.NewSig("setNat(simid, pid, nat, /)", "Set the NAT flag (0 or 1) of PDP pid; 0, or -1 out of range."),
	"ADC":                            pyargs.NewSig("ADC()", "Analog inputs ADC0..ADC3 of the board."),
	"ADC.open":                       pyargs.NewSig("open()", "Open the ADC; 0."),
	"ADC.close":                      pyargs.NewSig("close()", "Close the ADC; 0."),
	"ADC.read":                       pyargs.NewSig("read(ADCn, /)", "The channel's voltage in mV, or -1 for a channel the board lacks."),
	"PowerKey":                       pyargs.NewSig("PowerKey()", "The module's power key; a gateway has none, so callbacks never run."),
	"PowerKey.powerKeyEventRegister": pyargs.NewSig("powerKeyEventRegister(usrFun, /)", "Register usrFun for key events; 0, or -1 when it is not callable."),
	"PWM":                            pyargs.NewSig("PWM(PWMn, ABOVE_xx, highTime, cycleTime, /)", "A PWM output with the firmware's range checks; open and close record the state (no board drives a PWM line yet)."),
	"PWM.open":                       pyargs.NewSig("open()", "Start the output; 0."),
	"PWM.close":                      pyargs.NewSig("close()", "Stop the output; 0."),
	"PWM_V2":                         pyargs.NewSig("PWM_V2(PWMn, frequency, duty, /)", "A PWM output by frequency (Hz, above 0) and duty cycle (percent, 0..100); open and close record the state."),
	"PWM_V2.open":                    pyargs.NewSig("open(frequency=None, duty=None, /)", "Start the output, optionally with a new frequency and duty; 0."),
	"PWM_V2.close":                   pyargs.NewSig("close()", "Stop the output; 0."),
	"USB":                            pyargs.NewSig("USB()", "The board's USB device port: connected to a host or not (linux: a configured /sys/class/udc controller; sim: the profile's usb, default 1)."),
	"USB.getStatus":                  pyargs.NewSig("getStatus()", "1 connected, 0 not, -1 when the board cannot tell."),
	"replEnable":                     pyargs.NewSig("replEnable(flag, password=None, /)", "The firmware's REPL switch _boot.py sets from /usr/system_config.json (0 on, 1 off, 2 query); 0, or -1 for another flag. qstar's REPL is not affected (see the system module)."),
	"USB.setCallback":                pyargs.NewSig("setCallback(usrFun)", "usrFun(conn_status) gets 1 or 0 when the cable is plugged in or out (the port is looked at every second); 0, or -1 when not callable."),
}

func init() { runtime.RegisterSigs("misc", sigs) }
