package all

import (
	_ "github.com/qstar-dev/qstar/modules/std/binascii"
	_ "github.com/qstar-dev/qstar/modules/std/hashlib"
	_ "github.com/qstar-dev/qstar/modules/std/log"
	_ "github.com/qstar-dev/qstar/modules/std/pymath"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/ujson"
	_ "github.com/qstar-dev/qstar/modules/std/urllib"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)
