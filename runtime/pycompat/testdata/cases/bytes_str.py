b = b'hello'
s = b.decode()
print(s, b.decode('utf-8'), 'héllo'.encode(), 'x'.encode('utf-8'))
print(b, repr(b), str(b), len(b))
print(b.hex(), bytes([65, 66]), bytes(3), bytes('ab', 'utf-8'))
print(b.startswith(b'he'), b.endswith(b'lo'), b.find(b'l'), b.upper(), b.split(b'l'))
print(b'  x '.strip(), b'a,b'.replace(b',', b';'))
ba = bytearray(b'ab')
ba.append(67)
ba[0] = 120
print(ba, len(ba), ba[1], bytes(ba), ba.decode())
print('5'.zfill(3), 'ab'.ljust(4, '.'), 'ab'.rjust(4), 'ab'.center(6, '*'))
print('\d+\.\w', len('\d'), b'\u0041', '\x41\101\u0041', 'tab\there')
print(b'-'.join([b'a', b'bc']), ','.join(['x', 'y']), b''.join([bytes([65]), b'B']))
