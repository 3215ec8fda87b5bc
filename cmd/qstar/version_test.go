package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestBuildFacts: the version line carries the module version and the VCS
// revision (shortened, +dirty when the tree had changes) from the build info.
func TestBuildFacts(t *testing.T) {
	info := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/qstar-dev/qstar", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"},
			{Key: "vcs.time", Value: "2026-12-02T04:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	got := strings.Join(buildFacts(info), ", ")
	want := "module github.com/qstar-dev/qstar v1.2.3, revision 0123456789ab+dirty, 2026-12-02T04:00:00Z, go1.26.8"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	info.Settings, info.Main.Version = nil, ""
	if got := strings.Join(buildFacts(info), ", "); !strings.Contains(got, "unknown, revision unknown") {
		t.Errorf("no VCS stamp: %q", got)
	}
}
