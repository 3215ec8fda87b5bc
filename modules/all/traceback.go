package all

import _ "github.com/qstar-dev/qstar/modules/std/traceback"
