x = 5
print(0 < x < 10, 0 < x < 3, 1 <= x <= 5 < 6, x == 5 != 4)
print(not 0 < x < 10, [v for v in range(10) if 2 < v < 5], 'a' < 'b' < 'c')
def grade(s):
    return 'A' if 90 <= s <= 100 else 'B' if 80 <= s < 90 else 'C'
print(grade(95), grade(85), grade(10))
items = [1, 2]
print(1 in items in [[1, 2]], x is not None is not False, 3 > 2 > 1 and 1 < 2)
for i in range(3):
    if 0 < i < 2:
        print('mid', i)
n = 7
while 0 < n < 10:
    n += 1
print(n, (lambda v: 0 < v < 2)(1))
