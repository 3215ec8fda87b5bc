package ostimer

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs bind osTimer's arguments and document them (help, __doc__, stubs).
var sigs = map[string]*pyargs.Sig{
	"osTimer":              pyargs.NewSig("osTimer()", "A software timer (QuecPython osTimer); the module itself is callable."),
	"osTimer.start":        pyargs.NewSig("start(initialTime, cyclialEn, callback)", "Call callback(arg) after initialTime ms, again every initialTime ms when cyclialEn is 1; 0, or -1 once deleted. Up to two extra positional arguments are ignored, as on FW21."),
	"osTimer.stop":         pyargs.NewSig("stop()", "Stop the timer; 0, or -1 once deleted."),
	"osTimer.delete_timer": pyargs.NewSig("delete_timer()", "Stop the timer for good; 0."),
}

func init() { runtime.RegisterSigs("osTimer", sigs) }
