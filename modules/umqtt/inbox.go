package umqtt

import "sync"

// inbox holds received messages until the script calls wait_msg or
// check_msg. It is bounded: when full, the oldest message is dropped and
// counted, and the client reports the count (never silently). A held
// message (one the broker awaits an acknowledgement for) is never
// dropped: a QoS 0 arrival is dropped instead, and hold waits for room.
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
	room  chan struct{} // a token when pop makes room
}

type inMsg struct {
	topic   string
	payload []byte
	ack     func() // called once the script has it; nil if not held
}

func newInbox(limit int) *inbox {
	return &inbox{limit: limit, ready: make(chan struct{}, 1), room: make(chan struct{}, 1)}
}

func (q *inbox) push(m inMsg) {
	q.mu.Lock()
	if len(q.buf)-q.head >= q.limit {
		q.dropped++
		q.total++
		if q.buf[q.head].ack != nil { // held: keep it, lose the newcomer
			q.mu.Unlock()
			return
		}
		q.buf[q.head] = inMsg{}
		q.head++
	}
	q.buf = append(q.buf, m)
	q.mu.Unlock()
	q.wake()
}

// hold adds a held message, waiting while the inbox is full (the broker
// keeps the rest meanwhile); false if stop closed first.
func (q *inbox) hold(m inMsg, stop <-chan struct{}) bool {
	q.mu.Lock()
	for len(q.buf)-q.head >= q.limit {
		q.mu.Unlock()
		select {
		case <-q.room:
		case <-stop:
			return false
		}
		q.mu.Lock()
	}
	q.buf = append(q.buf, m)
	q.mu.Unlock()
	q.wake()
	return true
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
	select {
	case q.room <- struct{}{}:
	default:
	}
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
