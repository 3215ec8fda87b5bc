package pyargs

import (
	"reflect"
	"testing"

	"go.starlark.net/starlark"
)

func TestParseSig(t *testing.T) {
	s := NewSig("publish(topic, msg, retain=False, qos=0, opts={'a': (1, 2)})", "Send msg.")
	if s.Name != "publish" || s.String() != "publish(topic, msg, retain=False, qos=0, opts={'a': (1, 2)})" {
		t.Errorf("name %q, text %q", s.Name, s.String())
	}
	if got, want := s.Names(), []string{"topic", "msg", "retain?", "qos?", "opts?"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	if s.Entry() != s.String()+"\nSend msg." {
		t.Errorf("Entry() = %q", s.Entry())
	}
	p := NewSig("sleep(seconds, /, *rest, **kw)", "")
	if len(p.Params) != 1 || !p.Params[0].Positional {
		t.Errorf("sleep params %+v", p.Params)
	}
	for _, bad := range []string{"nope", "f(a b)", "(x)"} {
		if _, err := ParseSig(bad); err == nil {
			t.Errorf("ParseSig(%q): no error", bad)
		}
	}
}

// TestSigBinds: the signature's names are the binder's: keywords bind by
// them, a documented default makes a parameter optional, a positional-only
// one refuses its keyword, and a wrong number of destinations panics.
func TestSigBinds(t *testing.T) {
	s := NewSig("publish(topic, msg, qos=0)", "")
	var topic, msg, qos starlark.Value
	err := s.Unpack(starlark.Tuple{starlark.String("t")}, []starlark.Tuple{kw("msg", str)}, &topic, &msg, &qos)
	if err != nil || topic != starlark.String("t") || msg != str || qos != nil {
		t.Errorf("Unpack: %v %v %v %v", err, topic, msg, qos)
	}
	topic, msg, qos = nil, nil, nil
	if err := s.Unpack(nil, []starlark.Tuple{kw("topic", str), kw("message", str)}, &topic, &msg, &qos); err == nil || err.Error() != "TypeError: publish() got an unexpected keyword argument 'message'" {
		t.Errorf("Unpack with a wrong keyword: %v", err)
	}
	a, err := s.Bind(starlark.Tuple{str, bytes}, []starlark.Tuple{kw("qos", one)})
	if err != nil || a.Value("qos") != one {
		t.Errorf("Bind: %v", err)
	}
	n := 0
	if err := NewSig("wait(timeout_s=60)", "").UnpackArgs(nil, []starlark.Tuple{kw("timeout_s", one)}, &n); err != nil || n != 1 {
		t.Errorf("UnpackArgs: %v, %d", err, n)
	}
	pos := NewSig("sleep(seconds, /)", "")
	var secs starlark.Value
	if err := pos.UnpackArgs(nil, []starlark.Tuple{kw("seconds", one)}, &secs); err == nil {
		t.Error("positional-only parameter bound by keyword")
	}
	if err := pos.UnpackArgs(starlark.Tuple{one}, nil, &secs); err != nil || secs != one {
		t.Errorf("positional: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("two destinations for three parameters did not panic")
		}
	}()
	s.Unpack(nil, nil, &topic, &msg)
}
