package micro_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"

	_ "github.com/qstar-dev/qstar/modules/std/binascii"
	_ "github.com/qstar-dev/qstar/modules/std/micro"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

// TestWakelocks follows the documented pm example: ids from 1, 0 on
// success, -1 for an unknown id, and the count of created locks.
func TestWakelocks(t *testing.T) {
	out, err := stdtest.RunPy(t, `import pm
fd = pm.create_wakelock("test_lock", len("test_lock"))
other = pm.create_wakelock("b")
print(fd, other, pm.autosleep(1), pm.autosleep(3))
print(pm.wakelock_lock(fd), pm.wakelock_unlock(fd), pm.wakelock_lock(99))
print(pm.get_wakelock_num(), pm.delete_wakelock(other), pm.get_wakelock_num(), pm.delete_wakelock(other))
print(pm.get_psm_time(), pm.set_psm_time(1, 2, 1, 4), pm.get_psm_time(), pm.set_psm_time(0), pm.get_psm_time()[0])
`)
	want := "1 2 0 -1\n0 0 -1\n2 0 1 -1\n[0, 7, 0, 7, 0] True [1, 1, 2, 1, 4] True 0\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// TestErrnoMatchesCPython: the constants and errorcode agree with CPython's
// errno on Linux, so code written against either works.
func TestErrnoMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import errno
try:
    import uerrno
except ImportError:
    uerrno = errno
for name in ['EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV',
             'EISDIR', 'EINVAL', 'EADDRINUSE', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS',
             'ENOTCONN', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'EALREADY', 'EINPROGRESS']:
    print(name, getattr(errno, name), errno.errorcode[getattr(errno, name)])
print(uerrno.ETIMEDOUT == errno.ETIMEDOUT)
try:
    open('no_such_file.txt')
except OSError as e:
    print(e.args[0] == uerrno.ENOENT, errno.errorcode[e.args[0]])
`)
}

func TestMicroPython(t *testing.T) {
	out, err := stdtest.RunPy(t, `from micropython import const
import micropython
_ADDR = const(0x1B)
REG = const(b'\x00')
micropython.alloc_emergency_exception_buf(100)
micropython.opt_level(2)
print(_ADDR, REG, micropython.opt_level(), micropython.stack_use() >= 0)
`)
	if want := "27 b'\\x00' 2 True\n"; err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// schedule(func, arg) runs func(arg) soon, while the main code goes on.
func TestSchedule(t *testing.T) {
	out, err := stdtest.RunPy(t, `import micropython, utime
got = []
micropython.schedule(got.append, 7)
for i in range(400):
    if got:
        break
    utime.sleep_ms(5)
print(got)
try:
    micropython.schedule(3, None)
except TypeError as e:
    print('TypeError', e)
`)
	if want := "[7]\nTypeError schedule(): 'func' must be callable, not int\n"; err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// TestUzlibAgainstCPython: data compressed by CPython's zlib (as an OTA
// server would) comes back out of uzlib in each framing wbits selects.
func TestUzlibAgainstCPython(t *testing.T) {
	py := runtimetest.Python(t, `import zlib, gzip
data = b'hello quecpython\n' * 20
raw = zlib.compressobj(9, zlib.DEFLATED, -15)
print(zlib.compress(data).hex())
print(gzip.compress(data).hex())
print((raw.compress(data) + raw.flush()).hex())
`, "")
	lines := stdtest.Lines(py)
	src := fmt.Sprintf(`import uzlib
import ubinascii
zl, gz, raw = ubinascii.unhexlify(%q), ubinascii.unhexlify(%q), ubinascii.unhexlify(%q)
want = b'hello quecpython\n' * 20
print(uzlib.decompress(zl) == want, uzlib.decompress(gz, 31) == want, uzlib.decompress(raw, -15) == want)
print(uzlib.decompress(gz, 47) == want, uzlib.decompress(zl, 47) == want)
with open('pkg.gz', 'wb') as f:
    f.write(gz)
with open('pkg.gz', 'rb') as f:
    d = uzlib.DecompIO(f, 31)
    print(d.read(6), d.readline()[:5])
    buf = bytearray(4)
    print(d.readinto(buf), buf, len(d.read()))
try:
    uzlib.decompress(b'not compressed')
except ValueError as e:
    print('ValueError')
`, lines[0], lines[1], lines[2])
	dir := t.TempDir() // the script writes pkg.gz under /usr
	in, output := runtimetest.NewInterp(t, func(env *runtime.Env) { env.DataDir = dir })
	err := runtimetest.Exec(in, filepath.Join(dir, "test.py"), src)
	out := output.String()
	want := "True True True\nTrue True\nb'hello ' b'quecp'\n4 bytearray(b'hell') 319\nValueError\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// zlib's testdata script: round trips in every framing and level,
// streams CPython wrote, checksums and CPython's errors.
func TestZlibLikeCPython(t *testing.T) {
	stdtest.SamePyOutputFiles(t, "testdata/*.py")
}
