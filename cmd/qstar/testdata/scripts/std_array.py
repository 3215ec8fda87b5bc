import array
a = array.array('B', [1, 2, 3])
a.append(255); a.extend([4, 5]); a.insert(0, 9)
print(a, len(a), a[0], a[-1], a[1:3], a.itemsize, a.typecode, list(a), 3 in a)
print(a.tobytes(), bytes(a), a.tolist(), a.count(1), a.index(3))
try:
    a.append(256)
except OverflowError as e:
    print("OverflowError", e)
try:
    a.append(1.5)
except TypeError as e:
    print("TypeError", e)
h = array.array('h', [-1, 2, 300])
print(h, h.tobytes(), h.itemsize)
h2 = array.array('h'); h2.frombytes(h.tobytes()); print(h2 == h, h2)
h.byteswap(); print(h)
d = array.array('d', [1.5, 2.25]); print(d, d.tobytes().hex(), d * 2)
print(array.array('i'), array.array('u', 'hi'), array.array('B', b'\x01\x02'))
a[1] = 7; print(a); del a[0]; print(a, a.pop(), a)
a.reverse(); print(a, a + array.array('B', [0]))
print(sum(array.array('I', range(10))), max(array.array('f', [1.0, 3.5, 2.0])))
for x in array.array('b', [-5, 5]):
    print(x, end=" ")
print()
