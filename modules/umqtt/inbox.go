package umqtt

import "sync"

// inbox holds received messages until the script calls wait_msg or
// check_msg. It is bounded: when full, the oldest message is dropped and
// counted, and the client reports the count (never silently).
type inbox struct {
	mu      sync.Mutex
	buf     []inMsg
	head    int
	limit   int
	dropped uint64 // dropped and not yet reported
	total   uint64 // dropped since the client was made

	// ready gets a token whenever a message arrives or the link state
	// changes, to wake a waiting wait_msg.
	ready chan struct{}
}

type inMsg struct {
	topic   string
	payload []byte
}

func newInbox(limit int) *inbox {
	return &inbox{limit: limit, ready: make(chan struct{}, 1)}
}

func (q *inbox) push(m inMsg) {
	q.mu.Lock()
	if len(q.buf)-q.head >= q.limit {
		q.buf[q.head] = inMsg{}
		q.head++
		q.dropped++
		q.total++
	}
	q.buf = append(q.buf, m)
	q.mu.Unlock()
	q.wake()
}

// pop returns the oldest message, and how many were dropped since the
// last report.
func (q *inbox) pop() (m inMsg, ok bool, dropped uint64) {
	q.mu.Lock()
	defer q.mu.Unlock()
	dropped, q.dropped = q.dropped, 0
	if q.head == len(q.buf) {
		return inMsg{}, false, dropped
	}
	m = q.buf[q.head]
	q.buf[q.head] = inMsg{}
	q.head++
	if q.head == len(q.buf) {
		q.buf, q.head = q.buf[:0], 0
	} else if q.head > 1024 && q.head*2 > len(q.buf) {
		n := copy(q.buf, q.buf[q.head:])
		q.buf, q.head = q.buf[:n], 0
	}
	return m, true, dropped
}

func (q *inbox) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.buf) - q.head
}

func (q *inbox) wake() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}
