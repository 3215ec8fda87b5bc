package all

import (
	_ "github.com/qstar-dev/qstar/modules/audio"
	_ "github.com/qstar-dev/qstar/modules/machine"
	_ "github.com/qstar-dev/qstar/modules/misc"
	_ "github.com/qstar-dev/qstar/modules/ostimer"
	_ "github.com/qstar-dev/qstar/modules/quecgnss"
	_ "github.com/qstar-dev/qstar/modules/sysbus"
	_ "github.com/qstar-dev/qstar/modules/wifiscan"
)
