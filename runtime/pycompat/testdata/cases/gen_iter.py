# iter() and next() on built-in values, iterator objects and StopIteration
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, 'done'))
chars = iter('héllo')
print(next(chars), next(chars), ''.join(chars))
keys = iter({'a': 1, 'b': 2})
print(next(keys), list(keys))
data = iter(b'\x01\x02')
print(next(data), next(data), next(data, -1))
print(list(iter(range(3))), next(iter((7, 8))))
try:
    next(iter([]))
except StopIteration:
    print('empty iterator')
try:
    next([1, 2])
except TypeError as e:
    print('TypeError', e)

readings = [3, 5, -1, 8]
pos = [0]


def read():
    v = readings[pos[0]]
    pos[0] += 1
    return v


print(list(iter(read, -1)))

e = enumerate(['x', 'y'], 1)
print(next(e), next(e), next(e, 'end'))
z = zip('ab', [1, 2, 3])
print(next(z), list(z))
r = reversed([1, 2, 3])
print(next(r), list(r))


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))
for n in Countdown(2):
    print('count', n)
c = Countdown(2)
print(next(c), next(c), next(c, 'over'))
print(sum(Countdown(4)), sorted(Countdown(3)))
it = iter(Countdown(2))
print(next(it), [x for x in it])


class Deck:
    def __init__(self):
        self.cards = ['A', 'K', 'Q']

    def __getitem__(self, i):
        return self.cards[i]


print(list(iter(Deck())))
lst = [1, 2]
it = iter(lst)
lst.append(3)
print(list(it))
for card in Deck():
    print('card', card)
print([c.lower() for c in Deck()])
print(hasattr([1], "__iter__"), hasattr("s", "__iter__"), hasattr(5, "__iter__"), hasattr({}, "__iter__"), hasattr(iter([]), "__next__"), hasattr(None, "x"))
class Plain:
    pass
class Gen:
    def __iter__(self):
        yield 1
print(hasattr(Plain(), "__iter__"), hasattr(Gen(), "__iter__"), hasattr((x for x in []), "__iter__"))
