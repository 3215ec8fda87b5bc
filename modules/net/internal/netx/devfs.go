package netx

import "github.com/qstar-dev/qstar/runtime"

// Certificate files and request uploads are device paths, inside the
// script's grants, like every other file a script names.
func init() {
	HostPath = func(env *runtime.Env, p string) (string, error) { return env.FS().Resolve(p) }
}
