package all

import (
	_ "github.com/qstar-dev/qstar/modules/sdk/azure/legacy"
	_ "github.com/qstar-dev/qstar/modules/sdk/azure/modern"
	_ "github.com/qstar-dev/qstar/modules/sdk/linkkit"
	_ "github.com/qstar-dev/qstar/modules/sdk/qpycloud"
)
