package all

import (
	_ "github.com/qstar-dev/qstar/modules/net/appfota"
	_ "github.com/qstar-dev/qstar/modules/net/fota"
)
