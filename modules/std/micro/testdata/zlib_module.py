import zlib
data = b"hello world " * 50
for wbits in (15, 9, 31, -15):
    for level in (-1, 0, 1, 9):
        c = zlib.compress(data, level, wbits)
        print(wbits, level, zlib.decompress(c, wbits) == data, len(c) < len(data) or level == 0)
c = zlib.compress(data)
print(c[:2] in (b"x\x9c", b"x\xda", b"x^", b"x\x01"), zlib.decompress(c, 47) == data, zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
# streams CPython's zlib wrote
print(zlib.decompress(b'x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\x01\x00\x1a\x0b\x04]'))
print(zlib.decompress(bytearray(b'x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15')))
for f in [lambda: zlib.compress(b'x', wbits=5), lambda: zlib.compress(b'x', 12), lambda: zlib.decompress(b'hello'), lambda: zlib.decompress(zlib.compress(b'hello world')[:-3]), lambda: zlib.decompress(zlib.compress(b'hello'), -15), lambda: zlib.crc32('x')]:
  try: print(f())
  except zlib.error as e: print("zlib.error", e)
  except Exception as e: print(type(e).__name__, e)
print(zlib.crc32(b'hello'), zlib.crc32(b' world', zlib.crc32(b'hello')), zlib.adler32(b'hello'), zlib.adler32(b' world', zlib.adler32(b'hello')), zlib.crc32(b''), zlib.adler32(b''), zlib.crc32(b'a', -1))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, issubclass(zlib.error, Exception))
