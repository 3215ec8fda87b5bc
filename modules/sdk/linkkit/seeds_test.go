package linkkit_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/qstar-dev/qstar/emulator"
)

// The seed 002 samples (scripts/, with only the edits their own
// bugs force) run against the local cloud as the doc describes.
func TestSeed002Samples(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"seed002_linkkit_secret.py", []string{"on_connect:0,rc:0,userdata:", "on_disconnect:rc:0,userdata:"}},
		{"seed002_linkkit_register.py", []string{"dynamic register device success, rc:0, value:", "LinkKitState.CONNECTED"}},
		{"seed002_linkkit_regnwl.py", []string{"code: 0", "cid: ", "|authType=connwl,securemode=-2,_ss=1,ext=3,lan=Python,_v=1.2.13|",
			"user_name: StreetLamp2&a18wPzZJzNG", "password: "}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "..", "scripts", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			// the product secret is registered, so registration signs are checked
			em := startEmulator(t, emulator.Devices{"aliyun": {"a18wPzZJzNG": "YourProductSecretly"}})
			out := run(t, em, string(src)).Wait()
			assertInOrder(t, out, tc.want)
			if regexp.MustCompile(`Traceback|Error`).MatchString(out) {
				t.Errorf("unexpected error output:\n%s", out)
			}
		})
	}
}
