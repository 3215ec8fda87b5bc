# open() in binary mode: bytes in and out, bytearray, readinto, seeks.
f = open("data.bin", "wb")
print(f.write(b"\x00\x01\x02hello\n"), f.write(bytearray([255, 254])))
f.close()

f = open("data.bin", "rb")
print(f.read(3), f.tell())
print(f.readline())
print(f.read())
print(f.read(), f.seek(-2, 2), f.read(1), f.seek(1, 1), f.read())
f.seek(0)
buf = bytearray(4)
print(f.readinto(buf), buf)
f.close()

f = open("data.bin", "ab")
f.write(b"tail")
f.close()
f = open("data.bin", "rb")
data = f.read()
f.close()
print(len(data), data[-4:])

f = open("data.bin", "w+b")
f.write(b"line1\nline2\n")
f.seek(0)
print(f.readlines())
print(f.readable(), f.writable(), f.seekable())
f.close()

f = open("new.bin", "xb")
f.write(b"x")
f.close()
try:
    open("new.bin", "x")
except FileExistsError as e:
    print("FileExistsError:", e)
try:
    open(".", "rb")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
