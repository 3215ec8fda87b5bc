# bytearray's methods that make new sequences return bytearrays
ba = bytearray(b" a,b ")
print(ba.upper(), ba.lower(), ba.strip(), ba.lstrip(), ba.rstrip(), ba.split(b","), ba.replace(b"a", b"A"))
print(bytearray(b"-").join([b"x", b"y"]), ba.decode(), ba.find(b"b"), ba.count(b" "), ba.startswith(b" "))
buf = bytearray(b"hello world")
buf[0] = ord("H")
buf[6:11] = b"WORLD"
print(buf, buf.upper(), bytes(buf).split(b" "), buf.split())
