package runtime

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

func init() {
	Register(Module{Name: "rtestsleep", Doc: "blocking test builtin", New: func(env *Env) (starlark.StringDict, error) {
		return starlark.StringDict{
			"sleep": starlark.NewBuiltin("sleep", func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
				if FromThread(t) == nil {
					return nil, errors.New("called on a thread of no interpreter")
				}
				err := Block(t, func(ctx context.Context) error {
					select {
					case <-time.After(time.Millisecond):
					case <-ctx.Done():
					}
					return nil
				})
				return starlark.None, err
			}),
		}, nil
	}})
}

// TestDunderRunsOnCurrentThread: an object made on a callback thread that
// has ended still works from the main thread when its property and
// __len__ block (they run on the thread holding the lock, not the ended one).
func TestDunderRunsOnCurrentThread(t *testing.T) {
	src := `import rtest
import rtestsleep
made = []
class Box:
    @property
    def size(self):
        rtestsleep.sleep()
        return 7
    def __len__(self):
        rtestsleep.sleep()
        return 3
def cb(n):
    made.append(Box())
rtest.call(cb)
b = made[0]
print(b.size, len(b), bool(b))
`
	out, err := runEvalPy(t, src, "")
	if err != nil || out != "7 3 True\n" {
		t.Errorf("got %q, %v", out, err)
	}
}
