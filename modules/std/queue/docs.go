package queue

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of queue, for help(), __doc__ and `qstar stubs`.
// QuecPython's Queue(maxsize=100) is the same class.
func init() {
	methods := map[string]string{
		"put":        "put(item=None, block=True, timeout=None)\nAdd item, waiting for room when the queue is full (Full after timeout seconds).",
		"put_nowait": "put_nowait(item)\nput(item, block=False).",
		"get":        "get(block=True, timeout=None)\nRemove and return the next item, waiting when the queue is empty (Empty after timeout seconds).",
		"get_nowait": "get_nowait()\nget(block=False).",
		"empty":      "empty()\nTrue when the queue holds no item.",
		"full":       "full()\nTrue when the queue holds maxsize items.",
		"qsize":      "qsize()\nThe number of items held.",
		"size":       "size()\nAs qsize (QuecPython).",
		"clear":      "clear()\nDrop every item (QuecPython).",
		"task_done":  "task_done()\nMark one got item as processed, for join().",
		"join":       "join()\nWait until every item put has been marked task_done().",
	}
	docs := map[string]string{
		"Queue":         "Queue(maxsize=0)\nA thread-safe FIFO queue; at most maxsize items when maxsize > 0.",
		"LifoQueue":     "LifoQueue(maxsize=0)\nA thread-safe LIFO queue (a stack).",
		"PriorityQueue": "PriorityQueue(maxsize=0)\nA thread-safe queue that gives the smallest item first.",
		"SimpleQueue":   "SimpleQueue()\nAn unbounded FIFO queue.",
		"Empty":         "Empty\nRaised by get(block=False) or get(timeout=...) when no item comes.",
		"Full":          "Full\nRaised by put(block=False) or put(timeout=...) when the queue stays full.",
	}
	for _, class := range []string{"Queue", "LifoQueue", "PriorityQueue", "SimpleQueue"} {
		for m, entry := range methods {
			docs[class+"."+m] = entry
		}
	}
	runtime.RegisterDocs("queue", docs)
}
