package profile

import "strconv"

// Scan is the radio's search preference as Quectel's AT+QCFG holds it:
// "nwscanmode" (0 automatic, 1 GSM only, 2 UMTS only, 3 LTE only),
// "nwscanseq" (RAT codes in search order: 01 GSM, 02 TD-SCDMA, 03 WCDMA,
// 04 LTE; "00" automatic) and "roamservice" (1 off, 2 on, 255 auto).
type Scan struct {
	Mode int
	Seq  string
	Roam int
}

// defaultScan answers net.getConfig() as the QuecPython docs' session
// does: (8, False), GSM+LTE with LTE preferred, roaming off.
var defaultScan = Scan{Mode: 0, Seq: "0401", Roam: 1}

// Scan returns the search preference.
func (s *State) Scan() Scan {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.scan == nil {
		return defaultScan
	}
	return *s.scan
}

// SetScanMode sets "nwscanmode".
func (s *State) SetScanMode(mode int) error {
	if mode < 0 || mode > 3 {
		return CMEBadParam
	}
	s.setScan(func(c *Scan) { c.Mode = mode })
	return nil
}

// SetScanSeq sets "nwscanseq": two-digit RAT codes 00..06.
func (s *State) SetScanSeq(seq string) error {
	if seq == "" || len(seq)%2 != 0 {
		return CMEBadParam
	}
	for i := 0; i < len(seq); i += 2 {
		if n, err := strconv.Atoi(seq[i : i+2]); err != nil || n < 0 || n > 6 {
			return CMEBadParam
		}
	}
	s.setScan(func(c *Scan) { c.Seq = seq })
	return nil
}

// SetRoam sets "roamservice".
func (s *State) SetRoam(roam int) error {
	if roam != 1 && roam != 2 && roam != 255 {
		return CMEBadParam
	}
	s.setScan(func(c *Scan) { c.Roam = roam })
	return nil
}

func (s *State) setScan(f func(*Scan)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.scan == nil {
		c := defaultScan
		s.scan = &c
	}
	f(s.scan)
}
