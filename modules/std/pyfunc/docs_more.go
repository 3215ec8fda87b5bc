package pyfunc

import "github.com/qstar-dev/qstar/runtime"

// Docs of the members added with cached_property, heapq.merge and
// operator.pow.
func init() {
	runtime.RegisterDocs("functools", map[string]string{
		"cached_property": "cached_property(func, /)\nDecorator: a property computed by func(self) on first read and then kept in the instance's __dict__.",
	})
	runtime.RegisterDocs("heapq", map[string]string{
		"merge": "merge(*iterables, key=None, reverse=False)\nLazily merge sorted iterables into one sorted stream; equal items keep their inputs' order.",
	})
	runtime.RegisterDocs("operator", map[string]string{
		"pow": "pow(a, b, /)\na ** b.",
	})
}
