# generator functions: yield in loops, return, next() with defaults, send
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return 'liftoff'


print(list(countdown(3)))
for v in countdown(2):
    print('tick', v)

g = countdown(2)
print(next(g), next(g), next(g, 'empty'), next(g, None))
g = countdown(1)
next(g)
try:
    next(g)
except StopIteration as e:
    print('stopped with', e.value, e.args)


def evens():
    n = 0
    while True:
        yield n
        n += 2


for n in evens():
    if n >= 6:
        break
    print('even', n)


def pair_up(items):
    for i in range(0, len(items) - 1, 2):
        yield items[i], items[i + 1]
    yield


print(list(pair_up([1, 2, 3, 4])))


def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


acc = accumulate()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print('final total', e.value)


def lines_of(text):
    start = 0
    for i, ch in enumerate(text):
        if ch == '\n':
            yield text[start:i]
            start = i + 1
    if start < len(text):
        yield text[start:]


print([l.upper() for l in lines_of('ab\ncd\nef')])


def squares(limit=3, *extra, **opts):
    for i in range(limit):
        yield i * i * opts.get('scale', 1)
    for e in extra:
        yield e


print(list(squares()), list(squares(2, 'x', 'y', scale=10)))

gen = countdown(5)
print(type(gen).__name__, next(gen))
print([x for x in gen if x % 2 == 0])
