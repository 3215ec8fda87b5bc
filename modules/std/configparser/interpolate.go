package configparser

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// keyRef() is BasicInterpolation's %(name)s.
var keyRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%\(([^)]+)\)s`) })

const maxDepth = 10

// expand is BasicInterpolation.before_get: %(name)s from the section and
// DEFAULT, %% as %.
func (c *config) expand(section, option, value string, vals map[string]*string) (string, error) {
	var b strings.Builder
	err := c.expandInto(&b, section, option, value, vals, 1)
	return b.String(), err
}

func (c *config) expandInto(b *strings.Builder, section, option, rest string, vals map[string]*string, depth int) error {
	raw := rest
	if v := vals[option]; v != nil {
		raw = *v
	}
	if depth > maxDepth {
		return errs().interpolationDepth.Raise(fmt.Sprintf("Recursion limit exceeded in value substitution: option %s in section %s contains an interpolation key which cannot be substituted in %d steps. Raw value: %s",
			repr(option), repr(section), maxDepth, repr(raw)))
	}
	for rest != "" {
		p := strings.IndexByte(rest, '%')
		if p < 0 {
			b.WriteString(rest)
			return nil
		}
		b.WriteString(rest[:p])
		rest = rest[p:]
		switch {
		case strings.HasPrefix(rest, "%%"):
			b.WriteByte('%')
			rest = rest[2:]
		case strings.HasPrefix(rest, "%("):
			m := keyRef().FindStringSubmatchIndex(rest)
			if m == nil || m[0] != 0 {
				return errs().interpolationSyntax.Raise("bad interpolation variable reference " + repr(rest))
			}
			name := strings.ToLower(rest[m[2]:m[3]])
			rest = rest[m[1]:]
			v, ok := vals[name]
			if !ok || v == nil {
				return errs().interpolationMissing.Raise(fmt.Sprintf("Bad value substitution: option %s in section %s contains an interpolation key %s which is not a valid option name. Raw value: %s",
					repr(option), repr(section), repr(name), repr(raw)))
			}
			if strings.Contains(*v, "%") {
				if err := c.expandInto(b, section, option, *v, vals, depth+1); err != nil {
					return err
				}
			} else {
				b.WriteString(*v)
			}
		default:
			return errs().interpolationSyntax.Raise("'%' must be followed by '%' or '(', found: " + repr(rest))
		}
	}
	return nil
}
