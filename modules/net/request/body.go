package request

import (
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"github.com/qstar-dev/qstar/runtime/pyrepr"
)

// body is Response.text and Response.content. On QuecPython both are
// generators of sizeof-byte blocks (str when decode=True, else bytes), and
// scripts write `for chunk in r.text: ...`; code written for CPython uses
// them as one str or bytes. body does both: iterating yields the blocks,
// while print, str(), len(), slicing, `in`, `+` and the str methods
// (r.text.strip(), .split(), .encode(), r.content.decode()) see the whole
// body. Unlike the firmware's generator it can be read more than once.
// What it cannot be is a real str: `r.text == 'x'` is False,
// isinstance(r.text, str) too, and json.loads(r.text) refuses it; use
// r.json(), or str(r.text) for the one str.
type body struct {
	data []byte
	text bool // blocks are str (decode=True), else bytes
	size int  // block size (sizeof)
}

var (
	_ starlark.Iterable  = (*body)(nil)
	_ starlark.Sequence  = (*body)(nil)
	_ starlark.Sliceable = (*body)(nil)
	_ starlark.HasAttrs  = (*body)(nil)
	_ starlark.HasBinary = (*body)(nil)
	_ starlark.Container = (*body)(nil)
)

// whole is the body as one str or bytes value.
func (b *body) whole() starlark.Value {
	if b.text {
		return starlark.String(b.data)
	}
	return starlark.Bytes(b.data)
}

// Type is the firmware's: generator. (Not "string": Starlark would then
// hand a body to str's own comparison, which cannot take it.)
func (b *body) Type() string          { return "generator" }
func (b *body) Freeze()               {}
func (b *body) Truth() starlark.Bool  { return len(b.data) > 0 }
func (b *body) Hash() (uint32, error) { return b.whole().Hash() }
func (b *body) String() string        { return b.PyStr() }
func (b *body) PyStr() string         { return pyrepr.Str(b.whole()) }
func (b *body) PyRepr() string        { return pyrepr.Repr(b.whole()) }

// Len agrees with the whole str's len() and indexing (bytes, as qstar's
// str counts them).
func (b *body) Len() int { return len(b.data) }

func (b *body) Index(i int) starlark.Value {
	return b.whole().(starlark.Indexable).Index(i)
}

func (b *body) Slice(start, end, step int) starlark.Value {
	return b.whole().(starlark.Sliceable).Slice(start, end, step)
}

func (b *body) Has(x starlark.Value) (bool, error) {
	return b.whole().(starlark.Container).Has(x)
}

// Binary is + with a str or bytes on either side.
func (b *body) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	if op != syntax.PLUS {
		return nil, nil
	}
	if o, ok := y.(*body); ok {
		y = o.whole()
	}
	if side == starlark.Left {
		return starlark.Binary(op, b.whole(), y)
	}
	return starlark.Binary(op, y, b.whole())
}

// Iterate yields the blocks; a block never splits a UTF-8 character.
func (b *body) Iterate() starlark.Iterator { return &blocks{b: b} }

type blocks struct {
	b   *body
	off int
}

func (it *blocks) Next(p *starlark.Value) bool {
	data := it.b.data
	if it.off >= len(data) {
		return false
	}
	end := min(it.off+max(it.b.size, 1), len(data))
	if it.b.text {
		for end < len(data) && !utf8.RuneStart(data[end]) {
			end++
		}
	}
	chunk := data[it.off:end]
	it.off = end
	if it.b.text {
		*p = starlark.String(chunk)
	} else {
		*p = starlark.Bytes(chunk)
	}
	return true
}

func (it *blocks) Done() {}

// Attr gives the str (or bytes) methods of the whole body, plus encode on
// text and decode on both (content is text by default, as decode=True).
func (b *body) Attr(name string) (starlark.Value, error) {
	switch name {
	case "encode":
		return starlark.NewBuiltin("encode", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bytes(b.data), nil
		}), nil
	case "decode":
		return starlark.NewBuiltin("decode", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(strings.ToValidUTF8(string(b.data), "\uFFFD")), nil
		}), nil
	}
	if !b.text {
		if v, err := starlark.Bytes(b.data).Attr(name); err != nil || v != nil {
			return v, err
		}
		// bytes methods Starlark lacks (startswith, find, split, strip...)
		// answer as str's do; QuecPython's blocks were str by default anyway.
	}
	return starlark.String(b.data).Attr(name)
}

func (b *body) AttrNames() []string {
	return append(starlark.String("").AttrNames(), "decode", "encode")
}
