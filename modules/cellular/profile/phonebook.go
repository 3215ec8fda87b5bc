package profile

import (
	"sort"
	"strings"
)

// The simulated card's phonebooks (AT+CPBS/CPBR/CPBW/CPBF), one per
// storage name, each with 250 entries as a SIM's ADN file typically has.
// They start empty and live as long as the State.

const phonebookSize = 250

// Errors a card's phonebook gives (27.007).
const (
	CMEInvalidIndex CMEError = 21
	CMENotFound     CMEError = 22
)

// PBEntry is one phonebook record.
type PBEntry struct {
	Index        int
	Number, Name string
}

type phonebooks struct {
	current string
	books   map[string]map[int]PBEntry
}

func (s *State) book() map[int]PBEntry {
	if s.pb.books == nil {
		s.pb.books = map[string]map[int]PBEntry{}
	}
	if s.pb.current == "" {
		s.pb.current = "SM"
	}
	b := s.pb.books[s.pb.current]
	if b == nil {
		b = map[int]PBEntry{}
		s.pb.books[s.pb.current] = b
	}
	return b
}

// SelectPhonebook makes storage ("SM", "ME", "FD", ...) the current one.
func (s *State) SelectPhonebook(storage string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return err
	}
	s.pb.current = strings.ToUpper(storage)
	s.book()
	return nil
}

// Phonebook returns the current storage, its used entries and its size.
func (s *State) Phonebook() (storage string, used, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.book()
	return s.pb.current, len(b), phonebookSize
}

// ReadPhonebook returns the entries with lo <= index <= hi, in order.
func (s *State) ReadPhonebook(lo, hi int) ([]PBEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return nil, err
	}
	if lo < 1 || hi < lo || hi > phonebookSize {
		return nil, CMEInvalidIndex
	}
	return s.entries(func(e PBEntry) bool { return e.Index >= lo && e.Index <= hi }), nil
}

// FindPhonebook returns the entries whose name starts with prefix (AT+CPBF).
func (s *State) FindPhonebook(prefix string) ([]PBEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return nil, err
	}
	found := s.entries(func(e PBEntry) bool { return strings.HasPrefix(e.Name, prefix) })
	if len(found) == 0 {
		return nil, CMENotFound
	}
	return found, nil
}

// WritePhonebook stores an entry; an empty number and name deletes it.
func (s *State) WritePhonebook(e PBEntry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.needReady(); err != nil {
		return err
	}
	if e.Index < 1 || e.Index > phonebookSize {
		return CMEInvalidIndex
	}
	if e.Number == "" && e.Name == "" {
		delete(s.book(), e.Index)
		return nil
	}
	s.book()[e.Index] = e
	return nil
}

func (s *State) entries(keep func(PBEntry) bool) []PBEntry {
	var out []PBEntry
	for _, e := range s.book() {
		if keep(e) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out
}
