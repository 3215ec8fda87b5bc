package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"

	"github.com/qstar-dev/qstar/runtime"
)

// listFlag is a repeatable flag that also takes comma lists:
// --allow-net=a.com,b.com --allow-net=c.com.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// grantFlags are --data and the --allow-*/--deny-* flags of run and repl.
type grantFlags struct {
	data                                 string
	allowFS, allowEnv, allowNet, denyNet listFlag
}

func (g *grantFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&g.data, "data", "", "host directory behind the device's /usr")
	fs.Var(&g.allowFS, "allow-fs", "host path scripts may read and write")
	fs.Var(&g.allowEnv, "allow-env", "host environment variable scripts may read")
	fs.Var(&g.allowNet, "allow-net", "the only HOST[:PORT]s scripts may dial")
	fs.Var(&g.denyNet, "deny-net", "HOST[:PORT]s scripts may never dial")
}

// apply sets the data directory (--data, QSTAR_DATA, else the script's
// directory, else the working directory) and the grants on env.
func (g *grantFlags) apply(env *runtime.Env, script string) error {
	if g.data != "" {
		env.Config["data"] = g.data
	}
	switch dir := env.Setting("data"); {
	case dir != "":
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return err
		}
		env.DataDir = dir
	case script != "":
		env.DataDir = filepath.Dir(script)
	}
	for _, p := range g.allowFS {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		env.Grants.FS = append(env.Grants.FS, abs)
	}
	env.Grants.Env = g.allowEnv
	env.Grants.NetAllow = g.allowNet
	env.Grants.NetDeny = g.denyNet
	return nil
}
