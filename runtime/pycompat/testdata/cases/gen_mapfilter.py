# map and filter are lazy iterators over any iterable, infinite ones too
def ticks():
    n = 0
    while True:
        n += 1
        yield n


doubled = map(lambda v: v * 2, ticks())
print(next(doubled), next(doubled), type(doubled).__name__)
odd = filter(lambda v: v % 2, ticks())
print([next(odd) for _ in range(3)])
log = []


def note(v):
    log.append(v)
    return v + 1


m = map(note, [1, 2, 3])
print(log, next(m), log)
print(list(m), log)
print(list(map(max, [1, 5], [4, 2])), list(filter(None, ['', 'a', 0, 'b'])))
print(sum(map(int, '123')), sorted(filter(lambda c: c.isdigit(), 'a1b2')))
words = map(lambda s: s.upper(), ['x', 'y'])
for w in words:
    print('word', w)
print(list(words), 'y' in map(lambda s: s.lower(), 'XYZ'))
