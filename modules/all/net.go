package all

import (
	_ "github.com/qstar-dev/qstar/modules/net/ntptime"
	_ "github.com/qstar-dev/qstar/modules/net/request"
	_ "github.com/qstar-dev/qstar/modules/net/usocket"
)
