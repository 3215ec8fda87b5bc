// Package urandom provides QuecPython's urandom and CPython's random, on
// CPython's Mersenne Twister: after seed(n) a script draws the same numbers
// as under CPython. The state is per interpreter, shared by both names.
package urandom

import (
	crand "crypto/rand"
	"encoding/binary"
	"math"
	"math/big"
	"sync"

	"go.starlark.net/starlark"

	"github.com/qstar-dev/qstar/modules/std/internal/pytype"
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/exc"
	"github.com/qstar-dev/qstar/runtime/pyargs"
	"github.com/qstar-dev/qstar/runtime/pylib"
)

func init() {
	for _, name := range []string{"urandom", "random"} {
		runtime.Register(runtime.Module{Name: name, Doc: "pseudo-random numbers (CPython's generator; seed() repeats CPython's sequence)", New: newModule})
	}
}

// gen is one interpreter's generator.
type gen struct {
	mt
	gaussNext *float64
}

var (
	gensMu sync.Mutex
	gens   = map[*runtime.Env]*gen{}
)

func genFor(env *runtime.Env) *gen {
	gensMu.Lock()
	defer gensMu.Unlock()
	if g, ok := gens[env]; ok {
		return g
	}
	g := &gen{}
	g.seedRandom()
	gens[env] = g
	env.OnClose(func() {
		gensMu.Lock()
		delete(gens, env)
		gensMu.Unlock()
	})
	return g
}

// seedRandom seeds from the system's entropy, as seed(None) does.
func (g *gen) seedRandom() {
	var b [32]byte
	_, _ = crand.Read(b[:])
	key := make([]uint32, 8)
	for i := range key {
		key[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	g.initByArray(key)
	g.gaussNext = nil
}

type builtinFn = func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)

func newModule(env *runtime.Env) (starlark.StringDict, error) {
	d := genFor(env).methods()
	d["Random"] = pytype.New("random.Random", newRandom)
	return d, nil
}

// methods are the generator's functions, as module members or the
// methods of a Random instance.
func (g *gen) methods() starlark.StringDict {
	return pyargs.Builtins(map[string]builtinFn{
		"random":        g.randomFn,
		"seed":          g.seedFn,
		"getrandbits":   g.getrandbitsFn,
		"randrange":     g.randrangeFn,
		"randint":       g.randintFn,
		"uniform":       g.uniformFn,
		"choice":        g.choiceFn,
		"choices":       g.choicesFn,
		"shuffle":       g.shuffleFn,
		"sample":        g.sampleFn,
		"gauss":         g.gaussFn,
		"normalvariate": g.normalvariateFn,
		"expovariate":   g.expovariateFn,
		"triangular":    g.triangularFn,
		"randbytes":     g.randbytesFn,
	})
}

func (g *gen) randomFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.Float(g.random()), nil
}

func (g *gen) seedFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, version starlark.Value = starlark.None, starlark.MakeInt(2)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "a?", &a, "version?", &version); err != nil {
		return nil, err
	}
	g.gaussNext = nil
	switch v := a.(type) {
	case starlark.NoneType:
		g.seedRandom()
	case starlark.Int:
		g.seedInt(v.BigInt())
	case starlark.Bool:
		g.seedInt(big.NewInt(int64(map[bool]int{false: 0, true: 1}[bool(v)])))
	case starlark.String:
		g.seedBytes([]byte(v))
	case starlark.Bytes:
		g.seedBytes([]byte(v))
	case *pylib.ByteArray:
		g.seedBytes(v.Bytes())
	case starlark.Float:
		g.seedInt(big.NewInt(floatHash(float64(v))))
	default:
		return nil, exc.TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return starlark.None, nil
}

// floatHash is CPython's hash() of a float, which seed(float) uses.
func floatHash(f float64) int64 {
	const modulus = 1<<61 - 1
	if math.IsInf(f, 0) {
		if f > 0 {
			return 314159
		}
		return -314159
	}
	if math.IsNaN(f) {
		return 0
	}
	m, e := math.Frexp(math.Abs(f))
	var x uint64
	for m != 0 {
		x = ((x << 28) & modulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= modulus {
			x -= modulus
		}
	}
	if e >= 0 {
		e %= 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & modulus) | x>>(61-uint(e))
	h := int64(x)
	if f < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

func (g *gen) getrandbitsFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var kv starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &kv); err != nil {
		return nil, err
	}
	k, err := pyargs.Int(b.Name(), "k", kv)
	if err != nil {
		return nil, err
	}
	if k < 0 {
		return nil, exc.ValueError("number of bits must be non-negative")
	}
	return starlark.MakeBigInt(g.getrandbits(int(k))), nil
}

func (g *gen) uniformFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var av, bv starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "a", &av, "b", &bv); err != nil {
		return nil, err
	}
	lo, err := pyargs.Number(b.Name(), "a", av)
	if err != nil {
		return nil, err
	}
	hi, err := pyargs.Number(b.Name(), "b", bv)
	if err != nil {
		return nil, err
	}
	return starlark.Float(lo + (hi-lo)*g.random()), nil
}

func (g *gen) gaussFn(t *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var muv, sigmav starlark.Value = starlark.Float(0), starlark.Float(1)
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "mu?", &muv, "sigma?", &sigmav); err != nil {
		return nil, err
	}
	mu, err := pyargs.Number(b.Name(), "mu", muv)
	if err != nil {
		return nil, err
	}
	sigma, err := pyargs.Number(b.Name(), "sigma", sigmav)
	if err != nil {
		return nil, err
	}
	var z float64
	if g.gaussNext != nil {
		z, g.gaussNext = *g.gaussNext, nil
	} else {
		x2pi := g.random() * 2 * math.Pi
		g2rad := math.Sqrt(-2 * math.Log(1-g.random()))
		z = math.Cos(x2pi) * g2rad
		next := math.Sin(x2pi) * g2rad
		g.gaussNext = &next
	}
	return starlark.Float(mu + z*sigma), nil
}
