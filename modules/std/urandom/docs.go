package urandom

import (
	"strings"

	"github.com/qstar-dev/qstar/runtime"
)

// Signatures and docs of random (urandom), for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest. A Random instance has
// the same methods.
func init() {
	fns := map[string]string{
		"random":        "random()\nA float in [0.0, 1.0).",
		"seed":          "seed(a=None, version=2)\nRestart the generator from a (an int, str or bytes; the time when None): the same seed gives CPython's sequence.",
		"getrandbits":   "getrandbits(k, /)\nAn int of k random bits.",
		"randrange":     "randrange(start, stop=None, step=None)\nA random item of range(start, stop, step).",
		"randint":       "randint(a, b)\nA random int N with a <= N <= b.",
		"uniform":       "uniform(a, b)\nA random float between a and b.",
		"choice":        "choice(seq)\nA random item of the non-empty sequence seq.",
		"choices":       "choices(population, weights=None, *, cum_weights=None, k=1)\nk items chosen with replacement, by relative or cumulative weights.",
		"shuffle":       "shuffle(x)\nShuffle the list x in place.",
		"sample":        "sample(population, k, *, counts=None)\nk distinct items of population, in random order.",
		"gauss":         "gauss(mu=0.0, sigma=1.0)\nA normally distributed float (mean mu, standard deviation sigma).",
		"normalvariate": "normalvariate(mu=0.0, sigma=1.0)\nAs gauss.",
		"expovariate":   "expovariate(lambd=1.0)\nAn exponentially distributed float with rate lambd.",
		"triangular":    "triangular(low=0.0, high=1.0, mode=None)\nA float in [low, high] from the triangular distribution peaking at mode (the midpoint by default).",
		"randbytes":     "randbytes(n, /)\nn random bytes.",
	}
	docs := map[string]string{
		"Random": "Random(x=None)\nA generator of its own, seeded with x, with the module's functions as methods.",
	}
	for name, entry := range fns {
		docs[name] = entry
		docs["Random."+name] = entry
	}
	docs["Random.seed"] = strings.Replace(fns["seed"], "Restart the generator", "Restart this generator", 1)
	runtime.RegisterDocs("random", docs)
	runtime.RegisterDocs("urandom", docs)
}
