package all

import _ "github.com/qstar-dev/qstar/modules/auth/azure"
