package request

import "testing"

// Comparing a body with a str does not fail (it is a generator, as on
// the module, so it is not equal); str(r.text) is the one str.
func TestBodyComparisons(t *testing.T) {
	base, _ := serve(t)
	out, _ := run(t, base, `
		import request
		r = request.get('BASE/new')
		print(r.text == 'moved here', 'moved here' == r.text, r.text != 'x')
		print(str(r.text) == 'moved here', str(r.content) == 'moved here', isinstance(str(r.text), str))
		r = request.get('BASE/new', decode=False)
		print(b'moved here' == r.content, r.content.decode() == 'moved here')
	`, nil)
	want(t, out, `
		False False True
		True True True
		False True
	`)
}
