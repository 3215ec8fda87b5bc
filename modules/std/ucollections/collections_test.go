package ucollections_test

import (
	"testing"

	"github.com/qstar-dev/qstar/modules/std/internal/stdtest"
	"github.com/qstar-dev/qstar/runtime"

	_ "github.com/qstar-dev/qstar/modules/std/ucollections"
	_ "github.com/qstar-dev/qstar/modules/std/ujson"
)

func TestDequeMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `from collections import deque
d = deque()
print(d, len(d), bool(d))
d.append(1)
d.appendleft(0)
d.extend([2, 3])
d.extendleft('ab')
print(d, len(d), d[0], d[-1], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.rotate()
print(d)
d.rotate(-2)
print(d, d.index(1), d.count(2))
d.remove(1)
d.reverse()
print(d, list(d), [x for x in d])
d[0] = 'z'
print(d, d == deque(['z', 0, 'a']), d.copy())
del d[1]
print(d)
b = deque([1, 2, 3], maxlen=3)
b.append(4)
print(b, b.maxlen)
b.appendleft(0)
print(b)
try:
    b.insert(0, 9)
except IndexError as e:
    print('IndexError', e)
d.clear()
try:
    d.pop()
except IndexError as e:
    print('IndexError', e)
try:
    d.popleft()
except IndexError as e:
    print('IndexError', e)
try:
    deque([1]).index(5)
except ValueError as e:
    print('ValueError', e)
try:
    deque([1]).remove(5)
except ValueError as e:
    print('ValueError', e)
print(deque(range(5), 2), deque('abc'))
`)
}

// QuecPython's deque((), maxlen, flag): flag=1 refuses to overflow.
func TestQuecPythonDeque(t *testing.T) {
	out, err := stdtest.RunPy(t, `import ucollections
q = ucollections.deque((), 2)
q.append(1)
q.append(2)
q.append(3)
print(q.popleft(), len(q))
s = ucollections.deque((), 2, 1)
s.append('a')
s.append('b')
try:
    s.append('c')
except IndexError as e:
    print('overflow:', str(e) == 'full', len(s))
s.popleft()
s.pop()
for pop in (s.popleft, s.pop):
    try:
        pop()
    except IndexError as e:
        print('underflow:', str(e))
import collections
try:
    collections.deque().popleft()
except IndexError as e:
    print('cpython:', e)
`)
	want := "2 1\noverflow: True 2\nunderflow: empty\nunderflow: empty\ncpython: pop from an empty deque\n"
	if err != nil || out != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

func TestNamedTupleMatchesCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import ucollections
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p[-1], len(p), p._fields, Point._fields)
x, y = p
print(x, y, p == Point(1, 2), p != Point(2, 1), p[:1], 2 in p)
print(p._asdict(), p._replace(x=10), Point._make([5, 6]))
print({p: 'a'}[Point(1, 2)], p.index(2), p.count(1))
T = ucollections.namedtuple('T', 'a b, c', defaults=[0])
print(T(1, 2), T(1, 2, 3), T._field_defaults, T.__name__)
R = namedtuple('R', ['ok', 'def', 'ok'], rename=True)
print(R._fields)
for bad in [lambda: Point(1), lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point(1, x=2), lambda: Point._make([1])]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
for args in [('P', ['1x']), ('P', ['_a']), ('P', 'a a'), ('class', 'a'), ('P', ['def'])]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print('ValueError', e)
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
`)
}

func TestDictsMatchCPython(t *testing.T) {
	stdtest.SamePyOutput(t, `import json
from collections import OrderedDict, defaultdict, Counter
od = OrderedDict()
print(od)
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), len(od), 'a' in od, od['a'], od.get('x', 9))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
del od['a']
print(od, json.dumps(OrderedDict([('z', 1), ('y', [2])])), OrderedDict.fromkeys('ab', 0), OrderedDict.fromkeys([3]))
o2 = OrderedDict(x=1)
o2.update({'y': 2})
print(o2, dict(o2), o2.copy(), list(o2.items()), list(o2.keys()), list(o2.values()))
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd, dd['a'], 'z' in dd, len(dd))
c = defaultdict(int)
for w in 'the cat the hat the end'.split():
    c[w] += 1
print(c, sorted(c.items()))
cnt = Counter('abracadabra')
print(cnt, cnt['a'], cnt['zz'], 'zz' in cnt)
print(cnt.most_common(2), cnt.most_common()[-1], sorted(cnt.elements())[:6], cnt.total())
cnt.update('aaz')
cnt.subtract({'b': 2})
print(cnt)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(), Counter({'x': 2}), Counter([1, 1, 2]))
try:
    od.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict()['k']
except KeyError as e:
    print('KeyError', e)
`)
}

var _ = runtime.ErrorLine
