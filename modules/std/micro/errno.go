package micro

import (
	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
)

func init() {
	for _, name := range []string{"uerrno", "errno"} {
		runtime.Register(runtime.Module{Name: name, Doc: "errno constants and errorcode", New: newErrno})
	}
}

// errnos are the values the firmware (and Linux, and qstar's OSErrors) use,
// so `e.args[0] == uerrno.ETIMEDOUT` holds for a socket timeout.
var errnos = map[string]int{
	"EPERM": 1, "ENOENT": 2, "EIO": 5, "EBADF": 9, "EAGAIN": 11, "EWOULDBLOCK": 11,
	"ENOMEM": 12, "EACCES": 13, "EEXIST": 17, "ENODEV": 19, "ENOTDIR": 20, "EISDIR": 21,
	"EINVAL": 22, "ENOSPC": 28, "EPIPE": 32, "ERANGE": 34, "EOPNOTSUPP": 95,
	"EADDRINUSE": 98, "ECONNABORTED": 103, "ECONNRESET": 104, "ENOBUFS": 105,
	"EISCONN": 106, "ENOTCONN": 107, "ETIMEDOUT": 110, "ECONNREFUSED": 111,
	"EHOSTUNREACH": 113, "EALREADY": 114, "EINPROGRESS": 115,
}

func newErrno(env *runtime.Env) (starlark.StringDict, error) {
	d := starlark.StringDict{}
	codes := starlark.NewDict(len(errnos))
	for name, n := range errnos {
		d[name] = starlark.MakeInt(n)
		if name != "EWOULDBLOCK" { // errorcode names EAGAIN for 11, as CPython does
			if err := codes.SetKey(starlark.MakeInt(n), starlark.String(name)); err != nil {
				return nil, err
			}
		}
	}
	d["errorcode"] = codes
	return d, nil
}
