print(isinstance(1, int), isinstance(True, int), isinstance('a', str), isinstance(1.0, (int, float)))
print(isinstance(b'x', bytes), isinstance([], list), isinstance({}, dict), isinstance((1,), tuple))
print(isinstance(ValueError('x'), Exception), isinstance(1, str))
print(hex(255), oct(8), bin(5), hex(-1))
print(divmod(7, 2), divmod(-7, 2), round(2.5), round(3.5), round(2.675, 2), round(1234, -2))
print(sum([1, 2, 3]), sum([0.5, 0.25]), abs(-3), callable(print), callable(3))
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, 2])))
l = [3, 1, 2]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l, l.copy(), l.count(1))
words = ['bb', 'a', 'ccc']
words.sort(key=len)
print(words)
d = {'a': 1}
e = d.copy()
e['b'] = 2
print(d, e)
del e['a']
print(e)
lst = [1, 2, 3]
del lst[0]
print(lst)
assert len(lst) == 2, 'len'
print('assert ok')
