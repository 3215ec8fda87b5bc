# Strings and bytes are iterables to every builtin that takes one, as
# device code uses them: hex dumps, checksums, character sets.
frame = b'\x01\x02\xfe'
print(sum(frame), max(frame), min(b'\x07\x03'), sorted(b'\x03\x01'))
print(sum(frame) & 0xFF == 0x01, any(b''), all(b'\x01\x02'))
word = 'quectel'
print(sorted(word), sorted(word, reverse=True)[:3], ''.join(sorted(set(word))))
print(any(c.isdigit() for c in word), any('0'), all(''), tuple('ab'))
print(list(map(ord, 'AB')), list(filter(str.isupper, 'aBcD')), list(reversed('abc')))
print('-'.join(reversed('2024')), list(zip('ab', b'xy')), dict(zip('ab', range(2))))
print(min('hello'), max('hello', key=lambda c: -ord(c)), set('aab') == {'a', 'b'})
digits = ''.join(filter(lambda c: c in '0123456789', 'AT+CSQ: 23,99'))
print(digits, int(digits[:2]))
print(list(map(lambda a, b: a + b, 'ab', 'cd')), sorted(bytearray(b'\x09\x02')))
