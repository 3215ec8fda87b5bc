# a loop over a list walks it by index, as CPython: appending (a work queue) or removing is allowed
q = [1]
for x in q:
    if x < 5:
        q.append(x + 1)
print(q)
found = []
for n in range(2, 20):
    if all(n % p for p in found):
        found.append(n)
print(found)
l = [1, 2, 3, 4]
for v in l:
    if v == 2:
        l.remove(v)
print(l, [y * 2 for y in l])
def primes():
    seen = []
    n = 2
    while True:
        if all(n % p for p in seen):
            seen.append(n)
            yield n
        n += 1
g = primes()
print([next(g) for _ in range(8)])
