package pystd_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
)

func TestStringTemplateMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import string
t = string.Template("$who likes ${what}; costs $$5 $who")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="jam"))
print(t.safe_substitute(who="x"))
print(t.template)
for bad in [lambda: t.substitute(who="x"), lambda: string.Template("a $ b").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Template("$a$b ${c}d $ e").safe_substitute(a=1, c=2.5))
`)
}
