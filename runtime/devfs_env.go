package runtime

import (
	"os"

	"github.com/qstar-dev/qstar/runtime/devfs"
)

// FS returns the device filesystem (/usr on the data directory), made on
// first use; files left open are closed with the interpreter.
func (e *Env) FS() *devfs.FS {
	e.fsOnce.Do(func() {
		dir := e.DataDir
		if dir == "" {
			dir, _ = os.Getwd()
		}
		e.fs = devfs.New(dir, e.Grants.FS)
		e.fs.Block = Block // FIFOs and devices wait with the lock released
		e.OnClose(e.fs.CloseAll)
	})
	return e.fs
}

// UsrDir is the host directory the device's /usr maps to: the data
// directory (--data, QSTAR_DATA, else the script's directory).
func (e *Env) UsrDir() string { return e.FS().UsrDir() }
