package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// versionLine says which build this is: the release name given with
// -ldflags "-X main.version=...", the main module's version and VCS revision
// from the build info (stamped by `go build` in a git checkout, or
// `go install ...@v1.2.3`), and the Go toolchain.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Sprintf("qstar %s (no build info)", version)
	}
	return fmt.Sprintf("qstar %s (%s)", version, strings.Join(buildFacts(info), ", "))
}

// buildFacts lists module version, revision, commit time and Go version.
func buildFacts(info *debug.BuildInfo) []string {
	facts := []string{"module " + info.Main.Path + " " + orUnknown(info.Main.Version)}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		facts = append(facts, "revision unknown")
	} else {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if settings["vcs.modified"] == "true" {
			rev += "+dirty"
		}
		facts = append(facts, "revision "+rev)
	}
	if t := settings["vcs.time"]; t != "" {
		facts = append(facts, t)
	}
	return append(facts, info.GoVersion)
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
