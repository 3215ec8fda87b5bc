import base64
word = 'héllo'
print([c for c in word], ''.join(reversed([c for c in 'abc'])))
codes = []
for b in b'AZ':
    codes.append(b)
print(codes, [x + 1 for x in bytearray(b'\x01\x02')])
for k in {'a': 1, 'b': 2}:
    print(k, end=' ')
print()
try:
    base64.b64encode(b'ok')
except base64.NoSuchError:
    print('never evaluated unless something fails')
print('lazy except ok')
total = 0
for ch in '123':
    total += int(ch)
print(total)
