# escapes in str literals give code points; bytes keep bytes
s = '\x80\xe9\xff'
print(len([c for c in s]), [ord(c) for c in s])
print('caf\xe9' == 'café', '\u00e9' == '\xe9')
o = '\351\101\7'
print(len([c for c in o]), [ord(c) for c in o])
print([ord(c) for c in '\xb0C'])
b = b'\x80\xe9\xff\351'
print(len(b), [x for x in b], b)
print('\U0001F600' == '😀', len([c for c in '\U0001F600']))
print('tab\there', 'nl\\n', '\d\w', r'\xe9')
print('\x41\x7f' == 'A\x7f')
print(f'{1}\xe9{2}', f'\xb0')
print(len('x\x00y'), len('\0'))
