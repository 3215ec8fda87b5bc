package pdu

import (
	"strings"
	"testing"
)

// Vectors from the QuecPython sms docs' examples.
func TestDecodeDocExamples(t *testing.T) {
	m, err := Decode("0891683110305005F00405A10110F000081270319043442354516C76CA77ED4FE1FF1A00320030003200315E7496328303975E6CD596C68D445BA34F2067086D3B52A863D09192FF1A4E3B52A88FDC79BB975E6CD596C68D44FF0C5171540C5B8862A47F8E597D751F6D3B3002")
	if err != nil || m.Number != "10010" || m.Time != "2021-07-13 09:34:44" || !strings.HasPrefix(m.Text, "公益短信：2021年防范非") {
		t.Errorf("UCS2 deliver: %+v %v", m, err)
	}
	doc := "0891683108501505F0040D91688122162743F200000211529003332318C16030180C0683C16030180C0683E170381C0E87"
	if n, err := TPDULength(doc); err != nil || n != 40 {
		t.Errorf("TPDULength = %d %v, want 40 (the docs' answer)", n, err)
	}
	m, err = Decode(doc)
	if err != nil || m.Number != "+8618226172342" || m.Time != "2020-11-25 09:30:33" || m.Length != 24 {
		t.Errorf("7-bit deliver: %+v %v", m, err)
	}
}

func TestRoundTrips(t *testing.T) {
	for _, text := range []string{"hello gateway", "temp=21.5 [ok] €5", "温度 21 度", "", "exactly 8"} {
		h, n := Deliver("+8613800270500", "+8613911112222", text, "24/05/01,08:30:00+32")
		m, err := Decode(h)
		if got, _ := TPDULength(h); err != nil || m.Text != text || m.Number != "+8613911112222" || m.Time != "2024-05-01 08:30:00" || got != n {
			t.Errorf("deliver %q: %+v %v (len %d vs %d)", text, m, err, got, n)
		}
		s, _ := Submit("10086", text, false)
		m, err = Decode(s)
		if err != nil || m.Text != text || m.Number != "10086" || m.Time != "" {
			t.Errorf("submit %q: %+v %v", text, m, err)
		}
	}
	s, _ := Submit("+123", "abc", true)
	if m, _ := Decode(s); m.Text != "abc" || m.Length != 6 {
		t.Errorf("forced UCS2: %+v", m)
	}
	if _, err := Decode("0891683110"); err == nil {
		t.Error("truncated PDU decoded")
	}
}
