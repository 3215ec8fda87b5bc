a = b = 0
a += 1
print(a, b)
x = y = z = 'v'
print(x, y, z)
s = ('abc'
     'def')
print(s, 'one' 'two')
n = 1_000
print(n, u'unicode')
