# slice assignment and deletion on lists and bytearrays
a = [0, 1, 2, 3, 4, 5]
a[1:3] = [9]
print(a)
a[:0] = ['head']
print(a)
a[len(a):] = [7, 8]
print(a)
a[::2] = ['x', 'y', 'z', 'w']
print(a)
a[-2:] = 'ab'
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
del a[:]
print(a)
b = list(range(10))
del b[::-3]
print(b)
b[5:2] = [100]
print(b)
b[:] = []
print(b)
c = [1, 2, 3]
c[1:1] = (10, 11)
print(c)
alias = c
c[:] = [c[0]] * 2
print(alias)
try:
    c[::2] = [1, 2, 3]
except ValueError as e:
    print('ValueError', e)
try:
    c[::0] = []
except ValueError as e:
    print('ValueError', e)
try:
    t = (1, 2)
    t[0:1] = [5]
except TypeError as e:
    print('TypeError', e)

buf = bytearray(b'hello world')
buf[0:5] = b'HELLO'
print(buf)
buf[5:6] = b'___'
print(buf)
del buf[:2]
print(buf)
del buf[::2]
print(buf)
buf[:] = [65, 66]
print(buf, len(buf))
buf[1:1] = bytearray(b'xyz')
print(buf)
try:
    buf[0:1] = 'str'
except TypeError as e:
    print('TypeError', e)
try:
    buf[0:1] = [300]
except ValueError as e:
    print('ValueError', e)
i, j = 1, 3
d = [0, 1, 2, 3, 4]
del d[i:j], d[0]
print(d)
