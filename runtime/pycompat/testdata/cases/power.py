print(2 ** 10, 2 ** -1, -2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
a = [3]
print(a[0] ** 2 + 1, 10 ** len(a), 2.5 ** 2)
def sq(v):
    return v ** 2
print(sq(7), pow(2, 10, 1000))
