package all

import (
	_ "github.com/qstar-dev/qstar/modules/std/logging"
	_ "github.com/qstar-dev/qstar/modules/std/queue"
	_ "github.com/qstar-dev/qstar/modules/std/ucollections"
	_ "github.com/qstar-dev/qstar/modules/std/uio"
	_ "github.com/qstar-dev/qstar/modules/std/urandom"
	_ "github.com/qstar-dev/qstar/modules/std/ure"
	_ "github.com/qstar-dev/qstar/modules/std/ustruct"
)
