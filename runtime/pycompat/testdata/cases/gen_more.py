# closures, globals, class methods, membership and unpacking with generators
seen = 0


def counter_factory(step):
    offset = 100

    def gen(n):
        global seen
        for i in range(n):
            seen += 1
            yield offset + i * step
    return gen


make = counter_factory(5)
print(list(make(3)), seen)


class Base:
    def items(self):
        yield 'base'


class Child(Base):
    def items(self):
        yield 'child'
        yield from super().items()

    @staticmethod
    def numbers(n):
        yield from range(n)

    @classmethod
    def names(cls):
        yield cls.__name__


print(list(Child().items()), list(Child.numbers(3)), list(Child.names()))


def with_return():
    try:
        yield 1
        return
    finally:
        print('finally after return')
    yield 'never'


print(list(with_return()))


def retry(values):
    for v in values:
        try:
            n = int(v)
        except ValueError:
            print('skip', v)
            continue
        yield n


print(list(retry(['1', 'x', '3'])))


def pairs():
    yield 'a', 1
    yield 'b', 2


for name, value in pairs():
    print(name, value)
print(dict(pairs()), [k for k, _ in pairs()])
for i, (k, v) in enumerate(pairs(), 1):
    print(i, k, v)
print(list(zip(*[pairs(), pairs()])))
print(sorted(pairs(), key=lambda kv: -kv[1]))
print(3 in (x for x in range(5)), 9 in (x for x in range(5)))
g = (x for x in range(5))
print(2 in g, list(g))
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
late = (n * k for n in range(3))
k = 10
print(list(late))


def thrower():
    while True:
        try:
            yield 'ok'
        except ValueError as e:
            yield 'handled %s' % e


t = thrower()
print(next(t), t.throw(ValueError('v1')), next(t), t.throw(ValueError))
try:
    t.throw(KeyError('stop'))
except KeyError as e:
    print('propagated', e)
print(next(t, 'dead'))


def config_lines(text):
    for raw in text.split('\n'):
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        key, _, val = line.partition('=')
        yield key.strip(), val.strip()


cfg = dict(config_lines('# comment\nhost = example.com\n\nport=1883\n'))
print(cfg)


def chunks(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]


print(list(chunks(b'abcdefg', 3)), [len(c) for c in chunks('abcdefgh', 3)])
