package emulator

import "strconv"

// deviceReply is a device's answer to an application call that waits for
// it (an Azure direct method, a Huawei or OneNET command).
type deviceReply struct {
	status  int
	payload []byte
}

// maxExpired bounds the ids of calls that timed out, remembered so a late
// answer can be told from an unknown one (OneNET's codes 112 and 113).
const maxExpired = 1024

// await registers a call in scope (a platform and a device) and returns
// its request id and the channel its answer arrives on.
func (st *State) await(scope string) (string, chan deviceReply) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.waiting == nil {
		st.waiting = map[string]chan deviceReply{}
	}
	st.rid++
	rid := strconv.Itoa(st.rid)
	ch := make(chan deviceReply, 1)
	st.waiting[scope+"\x00"+rid] = ch
	return rid, ch
}

// answer hands a device's reply to the call waiting for it; false when
// none waits (unknown, already answered or timed out).
func (st *State) answer(scope, rid string, r deviceReply) bool {
	st.mu.Lock()
	ch := st.waiting[scope+"\x00"+rid]
	delete(st.waiting, scope+"\x00"+rid)
	st.mu.Unlock()
	if ch != nil {
		ch <- r
	}
	return ch != nil
}

// forget drops a call that ended; timedOut remembers it as expired.
func (st *State) forget(scope, rid string, timedOut bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	key := scope + "\x00" + rid
	if _, waiting := st.waiting[key]; !waiting {
		return // answered
	}
	delete(st.waiting, key)
	if !timedOut {
		return
	}
	if st.expired == nil || len(st.expired) >= maxExpired {
		st.expired = map[string]bool{}
	}
	st.expired[key] = true
}

// timedOut reports whether the call rid in scope ended without an answer.
func (st *State) timedOut(scope, rid string) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.expired[scope+"\x00"+rid]
}
