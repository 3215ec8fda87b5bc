package ure_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/ure"
)

func TestMatchingMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m, m.group(0), m.group(1), m.group(1, 2), m[2], m.groups(), m.span(2), m.start(1), m.end())
print(re.match('b', 'abc'), re.search('b', 'abc'), re.fullmatch('a.c', 'abc'), re.fullmatch('a', 'ab'))
m = re.search(r'(?P<key>\w+)=(?P<val>\d+)?', 'x: temp=')
print(m.groupdict(), m.groupdict('none'), m.groups(), m.groups(0), m['key'], m.group('val'), m.lastindex, m.lastgroup)
print(m.start(2), m.span('val'), m.re.pattern, m.string, m.pos, m.endpos)
p = re.compile(r'\d+')
print(p, p.pattern, p.flags, p.groups, p.search('ab 12 cd 345', 5), p.match('12ab'), p.match('ab12', 2))
print(p.findall('a1b22c333'), p.findall('a1b22c333', 2, 6))
print(re.findall(r'(\w)=(\d)', 'a=1 b=2 c'), re.findall(r'(a)|b', 'ab'), re.findall('x*', 'abxd'))
print([m.span() for m in re.finditer(r'\w+', 'hi there, you')])
print(re.compile('(?P<a>x)(y)').groupindex, re.compile('a', re.I | re.M), re.compile(b'a'))
print(re.search('^b', 'a\nb', re.M), re.search('^b', 'a\nb'), re.search('a.b', 'a\nb', re.S), re.search('A', 'a', re.IGNORECASE))
print(re.search(r'''(\d+) # number
                    \s* (?:kg|g)  # unit''', 'weight: 12 kg', re.X).group(1))
print(re.search('(?i)hello', 'HeLLo'), re.search(r'a{,2}', 'aaa'), re.search(r'x{2,3}', 'xxxx'), re.search('a{', 'a{'))
print(re.search(r'end\Z', 'the end'), re.match(r'\x41\u00e9', 'A\u00e9'), re.search('[]a]+', ']a]'), re.search(r'[^\d\s]+', '12 ab'))
print(re.search('é+', 'caféé!'), re.search('é+', 'caféé!').span(), re.findall('.', 'añb'))
print(re.search(b'\\d+', b'ab 123'), re.findall(rb'[\x80-\xff]', b'a\xff\x80b'), re.sub(b'\xff', b'!', b'a\xffb'))
print(re.escape('a.b*c?'), re.escape(b'1+1'))
print(re.findall(r'\d+\.?\d*', '1 + 2.5)'), re.findall(r'a\.b', 'axb a.b'), re.findall(r'[\.]', 'a.b'), re.findall(rb'a\.', b'ab a.'))
`)
}

func TestSubSplitMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.sub(r'(?P<n>\d)', r'<\g<n>\g<1>\g<0>>', 'a1b2'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.subn('a', 'b', 'aaa', count=2), re.sub('a', 'b', 'aaa', 1))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub('a', r'\n\t\\', 'a'), re.sub('a', r'\d', 'a') if False else '')
print(re.compile(r'\s+').sub(' ', 'a   b \t c'), re.compile('o').subn('0', 'foo boo'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(a)|b', 'xaybz'), re.split('x*', 'axbc'), re.split(r'\b', 'a b'), re.compile(',').split('1,2,,3', maxsplit=2))
m = re.match(r'(\d+)-(\d+)', '10-20')
print(m.expand(r'\2:\1'))
`)
}

func TestErrorsMatchCPython(t *testing.T) {
	stdtest.CompareErrors(t, `re = import_module("re")`, "import re\nre.error.__name__ = 're.error'", []string{
		`re.compile('(a')`,
		`re.compile('a)')`,
		`re.compile('((a)')`,
		`re.compile('*a')`,
		`re.compile('a**')`,
		`re.compile('[ab')`,
		`re.compile(r'\q')`,
		`re.compile('a{3,2}')`,
		`re.compile('a|*')`,
		`re.sub('a', r'\2', 'a')`,
		`re.sub('(a)', r'\g<x>', 'a')`,
		`re.sub('a', r'\q', 'a')`,
		`re.match('a', 'a').group(2)`,
		`re.match('a', 5)`,
		`re.compile(re.compile('a'), re.I)`,
	}, runtime.ErrorLine)
}

// RE2 cannot run these; they go to the backtracking engine.
func TestBacktrackingConstructsMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
print(re.findall(r'\w+(?=,)', 'a, bb, ccc'), re.findall(r'\d+(?!px)\b', '10px 20em 30'), re.findall(r'(?<=\$)\d+', 'cost $15 or $7'))
print(re.findall(r'(?<!-)\b\d+', '-1 2 -3 4'), re.search(r'(\w)\1', 'abccd'), re.sub(r'(\w+) \1', r'\1', 'the the cat'))
print(re.match(r'(?P<q>["\'])(.*?)(?P=q)', '"hi" there').groups(), re.fullmatch(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abc123'))
print(re.fullmatch(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abcdef'), re.search(r'(?>a+)b', 'aaab'), re.search(r'(a)?(?(1)b|c)', 'xc'))
print(re.split(r'(?<=[.!?]) +', 'One. Two! Three? Four'), re.findall(r'a(?=b)|c', 'abacab'), re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
p = re.compile(r'(?i)(?<=x)Y(?P<n>\d)')
m = p.search('zxy5 xY6', 3)
print(m, m.group('n'), m.span(), m.groupdict(), p.groupindex, p.groups)
print(re.search(r'é(?=ü)', 'aéü').span(), re.findall(rb'(?<=\xff)\w', b'\xffa\xfeb\xffc'), re.match(r'(?=a)', 'ab', ).span())
print(re.findall(r'(\w)(?=\1)', 'aabbcd'), re.search(r'(?m)^b(?=$)', 'a\nb\nc'), re.search(r'x$(?<=x)', 'x\n'))
`)
}

// QuecPython's ure: compile/match/search/group as its docs use them.
func TestQuecPythonUsage(t *testing.T) {
	out, err := stdtest.RunPy(t, `import ure
r = ure.compile(r'\+CSQ: (\d+),(\d+)')
m = r.search('AT+CSQ\r\n+CSQ: 23,99\r\nOK')
print(m.group(1), m.group(2))
print(ure.match('^OK', b'OK\r\n') is not None, ure.search('ERROR', 'OK') is None)
print(ure.search(r'"(.*?)"', '+QIURC: "pdpdeact",1').group(1))
`)
	want := "23 99\nTrue True\npdpdeact\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

func TestDollarBeforeFinalNewline(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
print(re.search(r'(\d+)$', 'count 42\n'), re.match(r'\w+$', 'OK\n'), re.search(r'x$', 'x\n\n'))
print(re.search(r'end\Z', 'end\n'), re.fullmatch(r'\w+$', 'OK\n'), re.search('(?m)^b$', 'a\nb\nc'))
print(re.compile(',').split('a,b,c', 1))
`)
}

func TestUnicodeClasses(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
print(re.findall(r'\w+', 'café naïve 東京 x_1'), re.findall(r'\d', '1٣'), re.findall(r'[\w-]+', 'é-b c'))
print(re.findall(r'\w+', 'café', re.ASCII), re.findall(rb'\w+', b'caf\xe9'), re.split(r'\s+', 'a\u3000b c'))
print(re.findall(r'\W+', 'a, é!'), re.sub(r'\S', '.', 'ab é'), re.findall(r'[^\W\d]+', 'ab12cé'), re.findall(r'[\W\d]+', 'a1, é2'), re.findall(rb'(?=\w)\w+', b'a\xe9b'))
`)
}

func TestTypes(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
p = re.compile('a')
print(isinstance(p, re.Pattern), isinstance(p.match('a'), re.Match), isinstance('a', re.Pattern), re.Pattern, re.Match)
print(p == re.compile('a'), p != re.compile('a', re.I))
`)
}

// ^ and \b must see the text before pos, as in CPython.
func TestSearchFromPosKeepsContext(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
p = re.compile(r'\bcat')
print(p.search('concat cat', 3), p.search('concat cat', 6), p.findall('cat concat cat', 1))
q = re.compile('^a', re.M)
print(q.search('ba\na', 1), q.search('ba\na', 2), re.compile('^a').search('aa', 1), re.compile('^a').match('aa', 1))
`)
}

func TestUnicodeWordBoundary(t *testing.T) {
	stdtest.SamePyOutput(t, `import re
print(re.findall(r'\bcafé\b', 'un café noir'), re.sub(r'\b(\w)', lambda m: m.group(1).upper(), 'élan vital über'))
`)
}
