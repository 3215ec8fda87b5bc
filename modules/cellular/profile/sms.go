package profile

import (
	"fmt"
	"strings"
)

// SMS is the SIM's message store: the inbox a script reads with the sms
// module, and the service centre address.
type SMS struct {
	Center   string    `json:"center"`
	Capacity int       `json:"capacity"` // slots; indices run 0..Capacity-1
	Inbox    []Message `json:"inbox"`
}

// Message is one stored message. Time is the service centre time stamp
// as the modem prints it, "24/01/02,10:00:00+32".
type Message struct {
	Number string `json:"number"`
	Text   string `json:"text"`
	Time   string `json:"time"`
	Read   bool   `json:"read"`
}

func (s *SMS) check() error {
	if s.Capacity < 1 || s.Capacity > 255 {
		return fmt.Errorf("sms.capacity %d: want 1..255", s.Capacity)
	}
	if len(s.Inbox) > s.Capacity {
		return fmt.Errorf("sms.inbox holds %d messages, more than its capacity %d", len(s.Inbox), s.Capacity)
	}
	for i, m := range s.Inbox {
		if m.Number == "" {
			return fmt.Errorf("sms.inbox[%d]: number is empty", i)
		}
	}
	return nil
}

// CMSError is a 27.005 +CMS ERROR code, as SMS commands fail.
type CMSError int

// Codes used by the simulated store.
const (
	CMSBadIndex   CMSError = 321
	CMSMemoryFull CMSError = 322
	CMSBadParam   CMSError = 304
)

func (e CMSError) Error() string { return fmt.Sprintf("+CMS ERROR: %d", int(e)) }

// smsStore is the State's message memory.
type smsStore struct {
	slots    []*Message
	sent     []Message
	center   string
	mem      [3]string
	textMode bool
	charset  string
	nextMR   int
}

func newSMSStore(p SMS) smsStore {
	st := smsStore{slots: make([]*Message, p.Capacity), center: p.Center, mem: [3]string{"SM", "SM", "SM"}, charset: "GSM"}
	for i := range p.Inbox {
		m := p.Inbox[i]
		if m.Time == "" {
			m.Time = "24/01/01,00:00:00+32"
		}
		st.slots[i] = &m
	}
	return st
}

// IndexedMessage is a stored message and its index.
type IndexedMessage struct {
	Index int
	Message
}

// SMSList returns the stored messages in index order; stat is "ALL",
// "REC UNREAD" or "REC READ" (AT+CMGL); listed unread ones become read.
func (s *State) SMSList(stat string) []IndexedMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []IndexedMessage
	for i, m := range s.sms.slots {
		if m == nil || (stat == "REC UNREAD" && m.Read) || (stat == "REC READ" && !m.Read) {
			continue
		}
		out = append(out, IndexedMessage{i, *m})
		m.Read = true
	}
	return out
}

// SMSRead returns message i and marks it read (AT+CMGR).
func (s *State) SMSRead(i int) (Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i < 0 || i >= len(s.sms.slots) || s.sms.slots[i] == nil {
		return Message{}, CMSBadIndex
	}
	m := *s.sms.slots[i]
	s.sms.slots[i].Read = true
	return m, nil
}

// SMSDelete deletes message i, or every message with all (AT+CMGD=i,4).
func (s *State) SMSDelete(i int, all bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if all {
		clear(s.sms.slots)
		return nil
	}
	if i < 0 || i >= len(s.sms.slots) {
		return CMSBadIndex
	}
	s.sms.slots[i] = nil
	return nil
}

// SMSCount returns the used and total slots (AT+CPMS?).
func (s *State) SMSCount() (used, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.sms.slots {
		if m != nil {
			used++
		}
	}
	return used, len(s.sms.slots)
}

// SMSSend records a message sent (AT+CMGS) and returns its reference.
func (s *State) SMSSend(number, text string) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return 0, err
	}
	if !s.registered() {
		return 0, CMENoService
	}
	s.sms.nextMR = (s.sms.nextMR + 1) % 256
	s.sms.sent = append(s.sms.sent, Message{Number: number, Text: text})
	return s.sms.nextMR, nil
}

// SMSSent returns the messages sent so far.
func (s *State) SMSSent() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.sms.sent...)
}

// DeliverSMS stores an incoming message in the lowest free slot and
// reports it (the +CMTI URC); it returns the index.
func (s *State) DeliverSMS(number, text, at string) (int, error) {
	s.mu.Lock()
	idx := -1
	for i, m := range s.sms.slots {
		if m == nil {
			idx = i
			break
		}
	}
	if idx < 0 {
		s.mu.Unlock()
		return -1, CMSMemoryFull
	}
	s.sms.slots[idx] = &Message{Number: number, Text: text, Time: at}
	s.mu.Unlock()
	s.emit([]Event{{Kind: "sms", Value: idx}})
	return idx, nil
}

// SMSCenter is the service centre address (AT+CSCA?).
func (s *State) SMSCenter() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sms.center
}

// SetSMSCenter sets it (AT+CSCA="addr").
func (s *State) SetSMSCenter(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sms.center = addr
}

// SMSMemories returns the three preferred storages (AT+CPMS?).
func (s *State) SMSMemories() [3]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sms.mem
}

// SetSMSMemories sets them; "SM" and "ME" exist ("MT" is not supported).
func (s *State) SetSMSMemories(mem []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range mem {
		if m != "SM" && m != "ME" {
			return CMSBadParam
		}
	}
	copy(s.sms.mem[:], mem)
	return nil
}

// SMSFormat is AT+CMGF and AT+CSCS: text mode and the character set.
func (s *State) SMSFormat() (text bool, charset string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sms.textMode, s.sms.charset
}

// SetSMSFormat sets text mode (AT+CMGF) and, if not "", the charset.
func (s *State) SetSMSFormat(text bool, charset string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if charset != "" {
		switch strings.ToUpper(charset) {
		case "GSM", "IRA", "UCS2":
			s.sms.charset = strings.ToUpper(charset)
		default:
			return CMEBadParam
		}
	}
	s.sms.textMode = text
	return nil
}
