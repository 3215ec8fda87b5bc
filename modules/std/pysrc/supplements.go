package pysrc

import (
	_ "embed"

	"github.com/qstar-dev/qstar/runtime"
)

// Python parts of Go modules: what they define joins the module on
// import (runtime.RegisterSupplement); each imports its own module for the Go
// members it builds on.
var (
	//go:embed more/collections.py
	collectionsMore string
	//go:embed more/dataclasses.py
	dataclassesMore string
	//go:embed more/functools.py
	functoolsMore string
	//go:embed more/json.py
	jsonMore string
	//go:embed more/math.py
	mathMore string
	//go:embed more/operator.py
	operatorMore string
	//go:embed more/random.py
	randomMore string
	//go:embed more/string.py
	stringMore string
	//go:embed more/textwrap.py
	textwrapMore string
	//go:embed more/time.py
	timeMore string
	//go:embed more/types.py
	typesMore string
	//go:embed more/typing.py
	typingMore string
)

func init() {
	for name, src := range map[string]string{
		"collections": collectionsMore,
		"dataclasses": dataclassesMore,
		"functools":   functoolsMore,
		"json":        jsonMore,
		"math":        mathMore,
		"operator":    operatorMore,
		"random":      randomMore,
		"string":      stringMore,
		"textwrap":    textwrapMore,
		"time":        timeMore,
		"types":       typesMore,
		"typing":      typingMore,
	} {
		runtime.RegisterSupplement(name, src)
	}
}
