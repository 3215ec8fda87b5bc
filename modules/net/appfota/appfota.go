// Package appfota provides QuecPython's app_fota: download new application
// files, then set_update_flag() so they replace the ones in /usr at the
// next restart. On a gateway the restart is the end of the run (as after
// misc.Power.powerRestart(), exit 75, when the supervisor starts qstar
// again): the staged files are moved into the data directory then.
package appfota

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
)

func init() {
	runtime.Register(runtime.Module{Name: "app_fota", Doc: "application OTA: download files, apply them to /usr at the next restart", New: newModule})
}

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	return starlark.StringDict{
		"new": starlark.NewBuiltin("new", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
				return nil, err
			}
			return &updater{env: env}, nil
		}),
	}, nil
}

// updater is the object app_fota.new() returns.
type updater struct {
	env     *runtime.Env
	mu      sync.Mutex
	staged  []string // paths relative to /usr, in download order
	flagged bool
}

func (u *updater) String() string        { return fmt.Sprintf("<app_fota %p>", u) }
func (u *updater) Type() string          { return "app_fota" }
func (u *updater) Freeze()               {}
func (u *updater) Truth() starlark.Bool  { return true }
func (u *updater) Hash() (uint32, error) { return 0, exc.TypeError("unhashable type: 'app_fota'") }
func (u *updater) AttrNames() []string {
	return []string{"bulk_download", "download", "set_update_flag"}
}

func (u *updater) Attr(name string) (starlark.Value, error) {
	switch name {
	case "download":
		return starlark.NewBuiltin(name, u.download), nil
	case "bulk_download":
		return starlark.NewBuiltin(name, u.bulkDownload), nil
	case "set_update_flag":
		return starlark.NewBuiltin(name, u.setUpdateFlag), nil
	}
	return nil, nil
}

// stageDir holds downloads until they are applied (the firmware's
// /usr/.updater).
func (u *updater) stageDir() string { return filepath.Join(u.env.UsrDir(), ".updater") }

// usrRel maps a device file name under /usr ("/usr/a/b.py" or "usr/a/b.py")
// to its path relative to /usr; app_fota updates nothing else.
func usrRel(fileName string) (string, bool) {
	p := path.Clean("/" + strings.TrimPrefix(fileName, "/"))
	rel := strings.TrimPrefix(p, "/usr/")
	if rel == p || rel == "" || strings.HasPrefix(rel, ".updater") {
		return "", false
	}
	return rel, true
}

// setUpdateFlag arranges for the staged files to replace the live ones when
// the run ends; 0, as the firmware returns.
func (u *updater) setUpdateFlag(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.flagged {
		u.flagged = true
		u.env.OnClose(u.apply)
	}
	return starlark.MakeInt(0), nil
}

// apply moves every staged file into /usr, then removes the staging area.
func (u *updater) apply() {
	u.mu.Lock()
	defer u.mu.Unlock()
	usr := u.env.UsrDir()
	for _, rel := range u.staged {
		dst := filepath.Join(usr, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o777); err != nil {
			u.env.Logf("app_fota: %s: %v", rel, err)
			continue
		}
		if err := os.Rename(filepath.Join(u.stageDir(), filepath.FromSlash(rel)), dst); err != nil {
			u.env.Logf("app_fota: %s: %v", rel, err)
			continue
		}
		u.env.Logf("app_fota: updated /usr/%s", rel)
	}
	u.staged = nil
	os.RemoveAll(u.stageDir())
}
