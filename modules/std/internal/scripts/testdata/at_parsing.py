# Parse AT command answers with ure, as cellular helper scripts do.
import ure

answer = 'AT+CSQ\r\n+CSQ: 23,99\r\n\r\nOK\r\n'
m = ure.search(r'\+CSQ: (\d+),(\d+)', answer)
rssi, ber = int(m.group(1)), int(m.group(2))
print(rssi, ber, m.span())

creg = ure.compile(r'\+CEREG: (?P<n>\d),(?P<stat>\d)(?:,"(?P<tac>[0-9A-F]+)","(?P<ci>[0-9A-F]+)")?')
for line in ['+CEREG: 2,1,"1A2B","01C3D4E5"', '+CEREG: 0,2']:
    r = creg.match(line)
    print(r.group('stat'), r.groupdict(), r.lastgroup)

urc = '+QIURC: "recv",0,5\r\n+QIURC: "closed",1\r\n'
print(ure.findall(r'\+QIURC: "(\w+)",(\d+)', urc))
print([mm.group(1) for mm in ure.finditer(r'"(\w+)"', urc)])
print(ure.split(r'\r?\n', answer.strip()))
print(ure.sub(r'\s+', ' ', '  many   spaces\there '))
print(ure.sub(r'(\d+)\.(\d+)', r'\2.\1', 'ver 1.20 and 3.4'))
print(ure.sub(r'[a-z]+', lambda mm: mm.group(0).upper(), 'imei=86 iccid=89'))
print(ure.match(rb'OK', b'OK\r\n'), ure.search(b'ERROR', b'OK') is None)
try:
    ure.compile(r'(\d+')
except ure.error as e:
    print('bad pattern:', e)
