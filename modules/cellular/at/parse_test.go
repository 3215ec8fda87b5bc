package at

import (
	"reflect"
	"strings"
	"testing"
)

func TestInfo(t *testing.T) {
	for _, c := range []struct {
		line   string
		name   string
		fields []string
		ok     bool
	}{
		{`+CPIN: READY`, "+CPIN", []string{"READY"}, true},
		{`+QIACT: 1,1,1,"10.209.106.8"`, "+QIACT", []string{"1", "1", "1", "10.209.106.8"}, true},
		{`+QICSGP: 1,"a,b","","",0`, "+QICSGP", []string{"1", "a,b", "", "", "0"}, true},
		{`+CEREG: 2,1,"5813","75BCD15",7`, "+CEREG", []string{"2", "1", "5813", "75BCD15", "7"}, true},
		{`+QIURC: "pdpdeact",1`, "+QIURC", []string{"pdpdeact", "1"}, true},
		{`+CNUM: ,"+8613800138000",145`, "+CNUM", []string{"", "+8613800138000", "145"}, true},
		{`+COPS: 0`, "+COPS", []string{"0"}, true},
		{`460011234567890`, "", nil, false},
		{`+ no colon`, "", nil, false},
		{`+: empty`, "", nil, false},
		{`OK`, "", nil, false},
	} {
		name, fields, ok := Info(c.line)
		if name != c.name || ok != c.ok || !reflect.DeepEqual(fields, c.fields) {
			t.Errorf("Info(%q) = %q, %q, %v; want %q, %q, %v", c.line, name, fields, ok, c.name, c.fields, c.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		line       string
		kind, code int
	}{
		{"OK", finalOK, 0},
		{"ERROR", finalError, 0},
		{"NO CARRIER", finalError, 0},
		{"+CME ERROR: 10", finalCME, 10},
		{"+CME ERROR:16", finalCME, 16},
		{"+CME ERROR: SIM not inserted", finalCME, 10},
		{"+CME ERROR: something new", finalCME, -1},
		{"+CMS ERROR: 500", finalCME, 500},
		{"+CPIN: READY", notFinal, 0},
		{"OK2", notFinal, 0},
	} {
		if k, n := classify(c.line); k != c.kind || n != c.code {
			t.Errorf("classify(%q) = %d, %d; want %d, %d", c.line, k, n, c.kind, c.code)
		}
	}
}

func TestCommandNameAndURCs(t *testing.T) {
	for cmd, want := range map[string]string{
		"AT+CPIN?": "+CPIN", `AT+CPIN="1234"`: "+CPIN", "AT+QICSGP=1": "+QICSGP",
		"AT+COPS=3,2;+COPS?": "+COPS", "ATI": "", "at+cgmm": "+CGMM", "XYZ": "",
	} {
		if got := commandName(cmd); got != want {
			t.Errorf("commandName(%q) = %q, want %q", cmd, got, want)
		}
	}
	if isURC("+CPIN: READY", "+CPIN") {
		t.Error("+CPIN during AT+CPIN? is the response")
	}
	if !isURC("+CPIN: READY", "+CIMI") || !isURC(`+QIURC: "pdpdeact",1`, "+QIACT") || isURC("460011234567890", "") {
		t.Error("URC classification")
	}
}

func TestRedact(t *testing.T) {
	got := redact(`AT+QICSGP=1,1,"apn","user","pw,with,commas",2`)
	if strings.Contains(got, "pw") || strings.Contains(got, "user") || !strings.HasPrefix(got, "AT+QICSGP=1,1,") {
		t.Errorf("redact: %s", got)
	}
}

// FuzzInfo: any line parses without panic, and quoting any safe fields
// then parsing gives them back.
func FuzzInfo(f *testing.F) {
	f.Add(`+QIACT: 1,1,1,"10.0.0.1"`, "a", "b,c")
	f.Add(`+CME ERROR: 10`, "", " x ")
	f.Add("\xff+\x00:,,\"", "\"", ",")
	f.Fuzz(func(t *testing.T, line, a, b string) {
		if name, fields, ok := Info(line); ok {
			if !strings.HasPrefix(name, "+") || len(fields) == 0 {
				t.Fatalf("Info(%q) = %q, %q", line, name, fields)
			}
		}
		classify(line)
		commandName(line)
		Hex(Fields(line), 0)
		if !Safe(a) || !Safe(b) {
			return
		}
		_, fields, ok := Info("+X: " + Quote(a) + "," + Quote(b))
		if !ok || !reflect.DeepEqual(fields, []string{a, b}) {
			t.Fatalf("round trip of %q, %q gave %q (ok %v)", a, b, fields, ok)
		}
	})
}
