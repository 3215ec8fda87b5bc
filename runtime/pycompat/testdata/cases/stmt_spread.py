# unpacking inside displays, *args before keywords, **=
base = {'host': 'h', 'port': 1}
extra = {'port': 2, 'tls': True}
merged = {**base, **extra}
print(sorted(merged.items()))
print(sorted({'a': 0, **base, 'port': 9}.items()))
nums = [3, 4]
print([*nums, 5, *range(2)], [1, *nums])
print((*nums, 'end'), (0, *nums))
print(sorted({*nums, *[4, 6]}))
print(*nums, sep='-', end='!\n')


def show(*args, **kw):
    return args, sorted(kw.items())


print(show(*nums, flag=1, **extra))
print(show(0, *nums, flag=2))
x = 3
x **= 2
print(x)
grid = [2, 3]
grid[1] **= 3
print(grid)
print([*'ab', *b'c'])
print(*nums, 'tail', *'xy', sep='|')
print(show(1, *nums, 2, **base, **{'z': 0}))
parts = ['a', 'b']
print(*parts, f"{len(parts)}", end='.\n')
