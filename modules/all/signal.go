package all

import _ "github.com/qstar-dev/qstar/modules/std/signal"
