# the walrus := in if/elif/while conditions and simple statements
data = [5, 3, 0, 7]


def read():
    return data.pop(0) if data else -1


while (n := read()) > 0:
    print('got', n)
print('stopped at', n)

if (m := len(data)) > 0:
    print('left', m)


def classify(v):
    if (half := v // 2) > 10:
        return 'big', half
    elif (third := v // 3) > 1:
        return 'mid', third
    else:
        return 'small', half


print(classify(30), classify(9), classify(2))
lines = ['a', 'b', '']
while line := lines.pop(0):
    print('line', line)
else:
    print('loop else ran', repr(line))
count = 0
while (count := count + 1) < 5:
    if count == 3:
        continue
    print('count', count)
print(y := 10, y)
total = (s := 4) * s
print(total, s)


def first_long(words):
    for w in words:
        if (size := len(w)) > 3:
            return w, size
    return None


print(first_long(['ab', 'abcd']))
values = [1, 5, 2, 8]
print([y for x in values if (y := x * 3) > 6])
print([(x, sq) for x in values if x > 1 if (sq := x * x) < 50])
print({k: (n := len(k)) for k in ['ab', 'c']})
print([[z for z in range(w) if (h := z) >= 1] for w in range(3)])
