package runtime

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sync"

	"go.starlark.net/starlark"
)

// bootModules are the modules QuecPython's _boot.py imports before it runs
// /usr/main.py in the same globals, so device scripts (and code typed at
// the device's REPL) use them without importing them: `uos.listdir('/usr')`
// works on the module as the first line of main.py.
var bootModules = []string{"gc", "uos", "ujson", "dataCall", "misc", "app_fota"}

// bootUse finds the boot names a source mentions as a bare name (not
// after a dot); compiled on first use.
var bootUse = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[^.\w])(gc|uos|ujson|dataCall|misc|app_fota)\b`)
})

// bootGlobals imports the boot modules the main script's source mentions
// and returns them, to be predeclared for that file only: a name the file
// binds itself (import uos, uos = ...) shadows them, and a script that
// mentions none pays nothing.
func (in *Interp) bootGlobals(t *starlark.Thread, src []byte) (starlark.StringDict, error) {
	found := bootUse().FindAllSubmatch(src, -1)
	if len(found) == 0 {
		return nil, nil
	}
	d := starlark.StringDict{}
	for _, m := range found {
		name := string(m[1])
		if _, done := d[name]; done {
			continue
		}
		if _, ok := Lookup(name); !ok {
			continue // not built into this binary
		}
		v, err := in.importModule(t, name)
		if err != nil {
			return nil, err
		}
		d[name] = v
	}
	return d, nil
}

// systemConfig is the file the firmware's _boot.py writes into /usr when
// it is missing, with the REPL switch misc.replEnable reads at boot.
const systemConfig = "system_config.json"

// bootFiles writes /usr/system_config.json as the firmware's boot does,
// for a main script that names it (the filesystem samples read it back);
// a data directory whose scripts never mention it is left alone.
func (in *Interp) bootFiles(src []byte) {
	if !bytes.Contains(src, []byte(systemConfig)) {
		return
	}
	p := filepath.Join(in.Env.UsrDir(), systemConfig) // where open("/usr/...") looks
	if _, err := os.Stat(p); err == nil {
		return
	}
	if err := os.WriteFile(p, []byte(`{"replFlag": 0}`), 0o644); err != nil {
		in.Env.Logf("boot: %s: %v", systemConfig, err)
	}
}
