package thread

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of _thread, for help(), __doc__ and `qstar stubs`.
func init() {
	runtime.RegisterDocs("_thread", map[string]string{
		"start_new_thread":  "start_new_thread(function, args, /)\nRun function(*args) on a new thread; returns its id.",
		"get_ident":         "get_ident()\nThe calling thread's id.",
		"stop_thread":       "stop_thread(thread_id, /)\nStop the thread (QuecPython); its blocked calls wake up.",
		"threadIsRunning":   "threadIsRunning(thread_id, /)\nTrue while the thread runs.",
		"allocate_lock":     "allocate_lock()\nA new lock with acquire(), release() and locked().",
		"delete_lock":       "delete_lock(lock, /)\nFree a lock (no-op here).",
		"allocate_semphore": "allocate_semphore(initcount, /)\nA counting semaphore with acquire(), release(), getCnt().",
		"delete_semphore":   "delete_semphore(sem, /)\nFree a semaphore (no-op here).",
		"stack_size":        "stack_size(size=0, /)\nThe thread stack size (accepted, not used).",
		"get_heap_size":     "get_heap_size()\nFree heap in bytes, as QuecPython reports it.",
		"exit":              "exit()\nEnd the calling thread.",
	})
}
