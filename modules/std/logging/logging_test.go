package logging_test

import (
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/logging"
	_ "github.com/qstar-dev/qstar/modules/std/sys"
)

func TestLoggersMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import logging
import sys
logging.basicConfig(level=logging.DEBUG, format='%(levelname)-8s %(name)s: %(message)s', stream=sys.stdout)
log = logging.getLogger('app')
log.debug('x=%s y=%d', 'a', 5)
log.info('plain %s')
log.warning('%(k)s=%(v)s', {'k': 'key', 'v': 1})
log.warn('warned')
log.error('err %r', 'q')
log.critical('crit')
log.log(25, 'custom %s', 'level')
logging.info('module level')
child = logging.getLogger('app.net')
child.setLevel('WARNING')
child.info('hidden')
child.warning('shown')
print(child.isEnabledFor(logging.INFO), child.isEnabledFor(logging.ERROR), child.getEffectiveLevel(), log.getEffectiveLevel())
print(log, child, logging.getLogger(), logging.getLogger('app') is log, child.parent.name)
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName('ERROR'), logging.WARN, logging.FATAL)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[%(name)s|%(levelno)d] %(message)s'))
h.setLevel(logging.ERROR)
solo = logging.getLogger('solo')
solo.propagate = False
solo.addHandler(h)
solo.warning('below handler level')
solo.error('through %s', 'handler')
solo.removeHandler(h)
print(solo.hasHandlers(), log.hasHandlers(), len(logging.getLogger().handlers))
q = logging.getLogger('quiet')
q.addHandler(logging.NullHandler())
q.propagate = False
q.error('nothing')
log.info('extra %s', 'field', extra={'user': 'u1'})
logging.disable(logging.INFO)
log.info('disabled')
log.warning('still on')
try:
    log.setLevel('LOUD')
except ValueError as e:
    print('ValueError', e)
`)
}

// Without basicConfig, logging.warning() configures the root logger and
// writes "WARNING:root:msg" to stderr; a named logger with no handlers
// anywhere writes just the message (CPython's lastResort).
func TestDefaultsGoToStderr(t *testing.T) {
	in, out := runtimetest.NewInterp(t, func(env *runtime.Env) {
		env.Now = func() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.Local) }
	})
	err := runtimetest.Exec(in, "main.py", `import logging
logging.getLogger('lib').warning('last resort')
logging.getLogger('lib').info('too low')
logging.info('not shown')
logging.warning('careful: %d', 3)
logging.error('bad')
fmt = logging.Formatter('%(asctime)s %(filename)s:%(lineno)d %(funcName)s %(module)s %(message)s')
h = logging.StreamHandler()
h.setFormatter(fmt)
log = logging.getLogger('where')
log.addHandler(h)
def report():
    log.warning('in function')
report()
h.setFormatter(logging.Formatter('%(asctime)s|%(message)s', datefmt='%H:%M'))
log.warning('short time')
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "last resort\nWARNING:root:careful: 3\nERROR:root:bad\n" +
		"2024-05-06 07:08:09,123 main.py:13 report main in function\nWARNING:where:in function\n" +
		"07:08|short time\nWARNING:where:short time\n"
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestLoggerClass(t *testing.T) {
	stdtest.SamePyOutput(t, `import logging
import sys
l = logging.Logger('detached', logging.INFO)
h = logging.StreamHandler(sys.stdout)
l.addHandler(h)
l.info('detached %d', 1)
l.debug('no')
print(isinstance(l, logging.Logger), isinstance(logging.getLogger('x'), logging.Logger), l.level, l.name)
`)
}
