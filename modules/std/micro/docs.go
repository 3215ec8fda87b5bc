package micro

import (
	"fmt"

	"github.com/qstar-dev/qstar/runtime"
)

// errnoText is what each errno constant means (Linux's wording).
var errnoText = map[string]string{
	"EPERM": "Operation not permitted", "ENOENT": "No such file or directory", "EIO": "I/O error",
	"EBADF": "Bad file descriptor", "EAGAIN": "Resource temporarily unavailable (try again)",
	"EWOULDBLOCK": "The operation would block (same as EAGAIN)", "ENOMEM": "Out of memory",
	"EACCES": "Permission denied", "EEXIST": "File exists", "ENODEV": "No such device",
	"ENOTDIR": "Not a directory", "EISDIR": "Is a directory", "EINVAL": "Invalid argument",
	"ENOSPC": "No space left on device", "EPIPE": "Broken pipe", "ERANGE": "Result out of range",
	"EOPNOTSUPP": "Operation not supported", "EADDRINUSE": "Address already in use",
	"ECONNABORTED": "Connection aborted", "ECONNRESET": "Connection reset by peer",
	"ENOBUFS": "No buffer space available", "EISCONN": "Socket is already connected",
	"ENOTCONN": "Socket is not connected", "ETIMEDOUT": "Connection timed out",
	"ECONNREFUSED": "Connection refused", "EHOSTUNREACH": "No route to host",
	"EALREADY": "Operation already in progress", "EINPROGRESS": "Operation now in progress",
}

// Signatures and docs of errno (uerrno), micropython, pm and uzlib, for
// help(), __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them
// honest.
func init() {
	errno := map[string]string{
		"errorcode": "errorcode\nA dict from errno number to name (11 is 'EAGAIN').",
	}
	for name, n := range errnos {
		errno[name] = fmt.Sprintf("%s\n%s: errno %d, as e.args[0] of the OSError.", name, errnoText[name], n)
	}
	runtime.RegisterDocs("errno", errno)
	runtime.RegisterDocs("uerrno", errno)
	runtime.RegisterDocs("micropython", map[string]string{
		"const":                         "const(expr, /)\nexpr itself: MicroPython's compile-time constant marker.",
		"opt_level":                     "opt_level(level=None, /)\nThe optimisation level, or set it (kept, no effect).",
		"mem_info":                      "mem_info(verbose=None, /)\nPrint the Go heap's total, used and free bytes.",
		"qstr_info":                     "qstr_info(verbose=None, /)\nAccepted for MicroPython drivers: there is no string table to show.",
		"stack_use":                     "stack_use()\n0: there is no MicroPython stack to measure.",
		"heap_lock":                     "heap_lock()\nAccepted for MicroPython drivers: the heap is never locked.",
		"heap_unlock":                   "heap_unlock()\n0, the lock depth.",
		"alloc_emergency_exception_buf": "alloc_emergency_exception_buf(size, /)\nAccepted for MicroPython drivers: callbacks may always allocate.",
		"kbd_intr":                      "kbd_intr(chr, /)\nAccepted for MicroPython drivers: Ctrl-C always interrupts.",
		"schedule":                      "schedule(func, arg, /)\nRun func(arg) soon, on a script thread of its own.",
	})
	runtime.RegisterDocs("pm", map[string]string{
		"create_wakelock":  "create_wakelock(lock_name, name_size=None, /)\nCreate a wakelock; its id (from 1).",
		"delete_wakelock":  "delete_wakelock(lpm_fd, /)\nDelete the wakelock; 0, or -1 for an unknown id.",
		"wakelock_lock":    "wakelock_lock(lpm_fd, /)\nHold the wakelock (keeps the module awake); 0 or -1.",
		"wakelock_unlock":  "wakelock_unlock(lpm_fd, /)\nRelease the wakelock; 0 or -1.",
		"get_wakelock_num": "get_wakelock_num()\nThe number of wakelocks created.",
		"autosleep":        "autosleep(sleep_flag, /)\nAllow (1) or forbid (0) automatic sleep; 0, or -1 for another value. A gateway never sleeps.",
		"set_psm_time":     "set_psm_time(tau_uint, tau_time=None, act_uint=None, act_time=None, /)\nTurn PSM off or on (one argument, 0 or 1) or set its periodic TAU and active times (four); True.",
		"get_psm_time":     "get_psm_time()\n[mode, tau_uint, tau_time, act_uint, act_time] as last set.",
	})
	runtime.RegisterDocs("uzlib", map[string]string{
		"decompress": "decompress(data, wbits=15, bufsize=0)\nThe bytes zlib (wbits 8..15), gzip (wbits 24..31) or raw DEFLATE (negative wbits) data inflates to.",
		"DecompIO":   "DecompIO(stream, wbits=15, /)\nA stream whose read() inflates what it reads from stream (a file or BytesIO).",
	})
}
