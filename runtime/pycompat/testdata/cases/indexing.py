data = b'\xaa\x01\x02'
if data[0] == 0xAA:
    print('header ok', data[1] + data[2], data[-1], data[1:])
items = [10, 20, 30]
print(items[0], items[-1], (1, 2)[1], 'abc'[1], {'k': 1}['k'], {1: 'one'}[1])
items[0] = 11
items[1] += 1
print(items)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid, grid[1][0])
class Box:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d.get(k, 'none')
b = Box()
b.d['x'] = 1
print(b['x'], b['y'])
for bad in [lambda: items[10], lambda: 'ab'[5], lambda: data[9], lambda: {}[3], lambda: (1,)[2]]:
    try:
        bad()
    except (IndexError, KeyError) as e:
        print(type(e) == type(IndexError()), e)
