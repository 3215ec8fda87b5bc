# os and os.path on the files a script keeps beside it.
import os


def show_error(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)


os.mkdir("logs")
os.makedirs("logs/2024/01")
os.makedirs("logs/2024/01", exist_ok=True)
show_error(lambda: os.makedirs("logs/2024"))
show_error(lambda: os.mkdir("logs"))
f = open("logs/a.log", "w")
f.write("12345")
f.close()
print(sorted(os.listdir("logs")), os.stat("logs/a.log")[6], os.stat("logs/a.log").st_size)
print(os.path.exists("logs"), os.path.isdir("logs"), os.path.isfile("logs"), os.path.isfile("logs/a.log"))
print(os.path.exists("nope"), os.path.getsize("logs/a.log"))
os.rename("logs/a.log", "logs/b.log")
print(sorted(os.listdir("logs")))
show_error(lambda: os.rmdir("logs/b.log"))
show_error(lambda: os.remove("logs/2024"))
show_error(lambda: os.rmdir("logs"))
show_error(lambda: os.remove("logs/none"))
show_error(lambda: os.stat("nope"))
show_error(lambda: os.listdir("nope"))
show_error(lambda: os.path.getsize("nope"))
for root, dirs, files in os.walk("logs"):
    print(root, sorted(dirs), sorted(files))
os.chdir("logs")
print(sorted(os.listdir()), os.path.exists("b.log"))
os.chdir("..")
os.remove("logs/b.log")
os.rmdir("logs/2024/01")
os.rmdir("logs/2024")
os.rmdir("logs")
print(os.path.exists("logs"), os.stat(".").st_mode & 0o170000 == 0o040000)

print(os.path.join("/usr", "a", "b.txt"), os.path.join("a", "/abs", "c"), os.path.join("a/", "b"))
print(os.path.split("/usr/a/b.txt"), os.path.split("b.txt"), os.path.split("/b"), os.path.split("a/b/"))
print(os.path.basename("/usr/x.json"), os.path.dirname("/usr/x.json"), os.path.dirname("x"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".profile"), os.path.splitext("a.b/c"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath(""), os.path.isabs("/x"), os.path.isabs("x"))
print(os.sep, repr(os.linesep), os.curdir, os.pardir, len(os.urandom(8)))

# scandir, access
os.mkdir("scan")
f = open("scan/f.txt", "w")
f.write("abc")
f.close()
os.mkdir("scan/sub")
for e in sorted(os.scandir("scan"), key=lambda e: e.name):
    print(e.name, e.path, e.is_dir(), e.is_file(), e.stat().st_size if e.is_file() else "-")
it = os.scandir("scan")
print(sorted([e.name for e in it.__enter__()]))
it.__exit__(None, None, None)
print(os.access("scan/f.txt", os.F_OK), os.access("scan/f.txt", os.R_OK | os.W_OK), os.access("nope", os.F_OK))
print(os.access("scan/f.txt", os.X_OK), os.cpu_count() > 0, os.path.getmtime("scan/f.txt") > 0)
show_error(lambda: os.rename("no-such", "other"))
try:
    os.rename("no-such", "other")
except OSError as e:
    print(e.filename, e.filename2, e.args)
