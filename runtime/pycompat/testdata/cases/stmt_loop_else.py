# for/while ... else: the else runs when the loop was not broken
def find(items, want):
    for i, x in enumerate(items):
        if x == want:
            print('found at', i)
            break
    else:
        print('not found', want)


find([3, 4, 5], 4)
find([3, 4, 5], 9)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print('while done', n)

n = 0
while True:
    n += 1
    if n > 4:
        break
else:
    print('never')
print('n', n)

# break of an inner loop does not count for the outer one
for a in range(2):
    for b in range(5):
        if b == 1:
            break
    else:
        print('inner else', a)
else:
    print('outer else')


def primes(limit):
    out = []
    for cand in range(2, limit):
        for d in range(2, cand):
            if cand % d == 0:
                break
        else:
            out.append(cand)
    return out


print(primes(20))


# break inside try inside the loop
def first_number(words):
    for w in words:
        try:
            v = int(w)
            break
        except ValueError:
            continue
    else:
        return None
    return v


print(first_number(['x', '12', '7']))
print(first_number(['x', 'y']))

# the loop with its else inside a try body
try:
    for k in [1, 2, 3]:
        if k == 10:
            break
    else:
        print('no ten')
        raise KeyError('ten')
except KeyError as e:
    print('caught', e)

# a return from the else
def pick(xs):
    while xs:
        x = xs.pop()
        if x > 2:
            break
    else:
        return 'empty'
    return x


print(pick([1, 5, 2]), pick([1, 2]))
for q in []:
    pass
else:
    print('empty loop else')
