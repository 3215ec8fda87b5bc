package main

import (
	"sort"
	"strings"
	"testing"

	"github.com/qstar-dev/qstar/runtime"
)

// undocumented are the registered modules whose members have no signature
// and doc yet (issue 12). Every other module must document every member;
// a new module must too, and a module documented since must leave this
// list.
var undocumented = strings.Fields(`abc app_fota atcmd auth.aliyun auth.azure auth.huawei auth.onenet
	azure.iot.device azure.iot.device.exceptions azure.iot.hub azure.iot.hub.models base64 binascii
	bisect collections collections.abc copy errno fnmatch functools gc glob hashlib heapq hmac io
	iothub_client iothub_service_client itertools linkkit.linkkit log logging math micropython
	msrest.exceptions ntptime operator os os.path pm queue random re request requests
	select shutil sms socket ssl string struct sys sys_bus tempfile typing ubinascii ucollections
	uerrno uhashlib uio uos urandom ure urequests urllib.error urllib.parse urllib.request uselect
	usocket ussl ustruct usys uzlib`)

// TestModulesDocumented: every member of every registered module outside
// undocumented has a signature and doc line in the registry help(), __doc__
// and the stubs read.
func TestModulesDocumented(t *testing.T) {
	pending := map[string]bool{}
	for _, m := range undocumented {
		pending[m] = true
	}
	for _, m := range runtime.Modules() {
		names, ok := runtime.ModuleNames(m.Name)
		if !ok {
			continue // needs hardware to build
		}
		var missing []string
		for _, n := range names {
			if sig, doc, ok := runtime.MemberDoc(m.Name, n); !ok || sig == "" || doc == "" {
				missing = append(missing, n)
			}
		}
		switch {
		case pending[m.Name] && len(missing) == 0:
			t.Errorf("module %s is documented now: take it off the undocumented list", m.Name)
		case !pending[m.Name] && len(missing) > 0:
			sort.Strings(missing)
			t.Errorf("module %s: %s have no signature and doc (runtime.RegisterSigs or RegisterDocs)", m.Name, strings.Join(missing, ", "))
		}
		delete(pending, m.Name)
	}
	for m := range pending {
		t.Errorf("undocumented lists %s, which is not a registered module", m)
	}
}
