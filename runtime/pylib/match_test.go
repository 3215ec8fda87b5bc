package pylib

import (
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// The pattern helpers refuse malformed arguments with a TypeError (only
// the translator calls them, but `qstar port` output and the python module
// expose them).
func TestPatternHelpersRejectBadArguments(t *testing.T) {
	pred := Builtins()
	for _, src := range []string{
		"_pseq(1)",
		"_pseq([1])",
		"_pmap([1], None)",
		"_pmap([], 3)",
		"_pcls(int, [], [(1, _pw())])",
		"_pcap(None)",
		"_pas(_pw())",
		"_match(1, 2)",
		"_pw(x=1)",
		"_bound(1, 'x')",
		"_matmul(1, 2)",
	} {
		_, err := starlark.ExecFile(&starlark.Thread{}, "t.star", "x = "+src+"\n", pred)
		if err == nil || !strings.Contains(err.Error(), "TypeError") && !strings.Contains(err.Error(), "takes") && !strings.Contains(err.Error(), "unexpected keyword") {
			t.Errorf("%s: err = %v, want a TypeError", src, err)
		}
	}
}
