# open() in text mode: writing, reading back, positions and errors.
def show_error(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)


f = open("notes.txt", "w")
print(f.name, f.mode, f.closed, f.write("first line\n"), f.write("zweite Zeile: äöü\n"))
f.writelines(["three\n", "four"])
f.close()
print(f.closed)

f = open("notes.txt")
print(repr(f.readline()))
print(repr(f.read(7)), f.tell())
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.seek(0)
print([line for line in f])
f.close()

f = open("notes.txt", "a")
f.write("\nappended")
f.close()
f = open("notes.txt", "r")
lines = f.read().split("\n")
f.close()
print(len(lines), lines[-1])

# universal newlines: \r\n and \r read as \n
f = open("dos.txt", "wb")
f.write(b"a\r\nb\rc\n")
f.close()
f = open("dos.txt")
print(repr(f.read()))
f.close()
f = open("dos.txt", newline="")
print(repr(f.read()))
f.close()

# r+ reads and overwrites in place; truncate cuts
f = open("notes.txt", "r+")
print(repr(f.read(5)))
f.seek(0)
f.write("FIRST")
f.seek(0)
print(repr(f.readline()))
print(f.truncate(5), f.tell())
f.close()
f = open("notes.txt")
print(repr(f.read()))
f.close()

# the context-manager protocol, as `with` calls it
f = open("notes.txt")
g = f.__enter__()
print(g is f, g.read(), f.__exit__(None, None, None), f.closed)

show_error(lambda: f.read())
show_error(lambda: f.write("x"))
show_error(lambda: open("missing.txt"))
show_error(lambda: open("missing.txt", "rw"))
show_error(lambda: open("notes.txt", "rbt"))
show_error(lambda: open("notes.txt", "xb"))
show_error(lambda: open("notes.txt", "rb", encoding="utf-8"))
show_error(lambda: open("notes.txt", "w").read())
show_error(lambda: open("notes.txt", "r").write("x"))

try:
    open("missing.txt")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e.args)
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("caught as FileNotFoundError", e.args[0] == 2)

# print(file=f) writes to the file
f = open("printed.txt", "w")
print("a", 1, sep="-", file=f)
print("b", end="!", file=f)
f.close()
f = open("printed.txt")
print(repr(f.read()))
f.close()

# readline(size), newline="\r\n" on write, read(n) of characters
f = open("crlf.txt", "w", newline="\r\n")
f.write("one\ntwo\n")
f.close()
f = open("crlf.txt", "rb")
print(f.read())
f.close()
f = open("crlf.txt")
print(repr(f.readline(2)), repr(f.readline()), repr(f.readline(100)), repr(f.readline()))
f.close()
f = open("u.txt", "w", encoding="utf-8")
print(f.write("héllo wörld"), f.encoding)
f.close()
f = open("u.txt", encoding="utf-8")
print(repr(f.read(2)), repr(f.read(3)), f.read())
f.close()
print(open("u.txt", "rb").read(3))
