# star-unpacking in assignments and for targets
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
a, *mid, z = 'hello'
print(a, mid, z)
head, *tail = [0]
print(head, tail)
(x, *ys) = range(3)
print(x, ys)
[p, *q] = b'ab'
print(p, q)
*everything, = {'k': 1, 'j': 2}
print(everything)
topic, *parts = 'dev/1/up'.split('/')
print(topic, parts)
rows = [(1, 2, 3), (4, 5), (6,)]
for r0, *others in rows:
    print(r0, others)
for k, *vs in dict(a=1, b=2).items():
    print(k, vs)
try:
    one, two, *more = [1]
except ValueError as e:
    print('ValueError', e)
try:
    u, *v = 5
except TypeError as e:
    print('TypeError', e)


def split_cmd(line):
    cmd, *args = line.split()
    return cmd, args


print(split_cmd('set speed 10'))
f = lambda a, b=1: a + b
print(f(1))
for i, (k, *vs) in enumerate([('a', 1, 2), ('b',)]):
    print(i, k, vs)
(p1, *p2), p3 = [1, 2, 3], 'x'
print(p1, p2, p3)
h, *t, [u, *w] = 1, 2, 3, [4, 5, 6]
print(h, t, u, w)
for ((a1, *a2), *a3) in [[[1, 2], 3, 4]]:
    print(a1, a2, a3)


def nested_in_function(rows):
    out = []
    for name, [first, *others] in rows:
        out.append((name, first, others))
    return out


print(nested_in_function([('n', [1, 2, 3])]))
for e1, *e2 in (1, 2), (3, 4, 5):
    print(e1, e2)
