package queue_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/runtimetest"

	_ "github.com/qstar-dev/qstar/modules/std/queue"
	_ "github.com/qstar-dev/qstar/modules/std/thread"
	_ "github.com/qstar-dev/qstar/modules/std/utime"
)

func TestQueueMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import queue
q = queue.Queue(2)
print(q.empty(), q.full(), q.qsize(), q.maxsize)
q.put(1)
q.put_nowait('two')
print(q.empty(), q.full(), q.qsize())
try:
    q.put(3, block=False)
except queue.Full:
    print('full')
try:
    q.put(3, timeout=0.01)
except queue.Full as e:
    print('still full', repr(str(e)))
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print('empty')
try:
    q.get(True, 0.01)
except queue.Empty:
    print('timed out')
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
l = queue.LifoQueue()
for i in range(3):
    l.put(i)
print([l.get() for i in range(3)])
p = queue.PriorityQueue()
for x in [(3, 'c'), (1, 'a'), (2, 'b'), (0, 'z'), (5, 'e')]:
    p.put(x)
print([p.get() for i in range(5)])
print(issubclass(queue.Empty, Exception))
`)
}

// The Python front end: QuecPython's spellings, and threads handing items
// over while get() blocks without the interpreter lock.
func TestProducersAndConsumer(t *testing.T) {
	out, err := stdtest.RunPy(t, `import _thread
import utime
from queue import Queue
q = Queue(max_size=3)
got = []
done = []
def producer(base):
    for i in range(5):
        q.put(base + i)
        utime.sleep_ms(1)
    done.append(base)
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        got.append(item)
_thread.start_new_thread(consumer, ())
_thread.start_new_thread(producer, (100,))
_thread.start_new_thread(producer, (200,))
while len(done) < 2:
    utime.sleep_ms(5)
q.put(None)
while q.size() > 0:
    utime.sleep_ms(5)
utime.sleep_ms(20)
print(sorted(got))
print(q.empty(), q.put('x'), q.size())
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "[100, 101, 102, 103, 104, 200, 201, 202, 203, 204]\nTrue True 1\n"
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

// A get() with no producer must wake when the thread is cancelled (Ctrl-C).
func TestBlockedGetWakesOnCancel(t *testing.T) {
	in, out := runtimetest.NewInterp(t, nil)
	errc := make(chan error, 1)
	go func() {
		errc <- runtimetest.ExecFile(in, "test.py", "import queue\nq = queue.Queue()\nq.get()\nprint('not reached')\n")
	}()
	time.Sleep(50 * time.Millisecond)
	in.CancelAll("interrupted")
	select {
	case err := <-errc:
		if !runtime.IsCancelled(err) {
			t.Errorf("want a cancelled error, got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("get() did not wake on cancel")
	}
	if strings.Contains(out.String(), "not reached") {
		t.Error("the script went on after get()")
	}
}
