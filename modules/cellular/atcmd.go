package cellular

import (
	"context"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

func init() {
	runtime.Register(runtime.Module{Name: "atcmd", Doc: "raw AT commands to the modem: sendSync(cmd, resp, include, timeout)", New: newATCmd})
}

func newATCmd(env *runtime.Env) (starlark.StringDict, error) {
	return members(map[string]builtinFn{
		"sendSync": func(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			return sendSync(t, env, args, kw)
		},
	}), nil
}

// buffer is a bytearray filled in place.
type buffer interface {
	starlark.Indexable
	starlark.HasSetIndex
}

// withPort runs f on the modem's raw AT channel, with the lock released.
func withPort(t *starlark.Thread, env *runtime.Env, f func(ctx context.Context, p ATPort) error) (bool, error) {
	return call(t, env, func(ctx context.Context, m Modem) error {
		p, ok := m.(ATPort)
		if !ok {
			return ErrUnsupported
		}
		return f(ctx, p)
	})
}

// sendSync(atcmd, resp, include_str, timeout[, simId]) sends one command
// and copies the answer's lines ("\r\n<line>\r\n" each, those holding
// include_str when it is not empty) into the bytearray resp, NUL-padded
// and cut to its size. It returns 0 for OK, 1 for ERROR or a +CME/+CMS
// error (whose line is copied too), -1 when the modem does not answer
// within timeout seconds.
func sendSync(t *starlark.Thread, env *runtime.Env, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	a, err := pyargs.Bind("sendSync", args, kw, "atcmd", "resp", "include_str", "timeout", "simId?")
	if err != nil {
		return nil, err
	}
	cmd, err := pyargs.Text("sendSync", "atcmd", a.Value("atcmd"))
	if err != nil {
		return nil, err
	}
	resp, ok := a.Value("resp").(buffer)
	if !ok {
		return nil, exc.TypeError("sendSync() argument 'resp' must be a bytearray, not %s", pyargs.TypeName(a.Value("resp")))
	}
	include, err := a.Str("include_str", "")
	if err != nil {
		return nil, err
	}
	secs, err := a.Int("timeout", 0)
	if err != nil {
		return nil, err
	}
	cmd = strings.TrimRight(cmd, "\r\n")
	if secs <= 0 || cmd == "" || strings.ContainsAny(cmd, "\r\n") {
		return fail, nil
	}
	var lines []string
	var final string
	okAnswer, err := withPort(t, env, func(ctx context.Context, p ATPort) error {
		var err error
		lines, final, err = p.AT(ctx, cmd, time.Duration(secs)*time.Second)
		return err
	})
	if err != nil {
		return nil, err
	}
	if !okAnswer {
		return fail, nil
	}
	var text strings.Builder
	for _, l := range lines {
		if include == "" || strings.Contains(l, include) {
			text.WriteString("\r\n" + l + "\r\n")
		}
	}
	code := 0
	if final == "OK" {
		text.WriteString("\n") // as the firmware leaves it (the docs' example)
	} else {
		text.WriteString("\r\n" + final + "\r\n")
		code = 1
	}
	if err := fillBuffer(resp, text.String()); err != nil {
		return nil, err
	}
	return starlark.MakeInt(code), nil
}

// fillBuffer copies s into buf, cut to its length, and zeroes the rest.
func fillBuffer(buf buffer, s string) error {
	for i := 0; i < buf.Len(); i++ {
		c := 0
		if i < len(s) {
			c = int(s[i])
		}
		if err := buf.SetIndex(i, starlark.MakeInt(c)); err != nil {
			return err
		}
	}
	return nil
}
