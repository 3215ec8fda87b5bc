# shutil, glob and fnmatch on the files beside the script.
import os
import shutil
import glob
import fnmatch


def show_error(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)


def write(path, text):
    f = open(path, "w")
    f.write(text)
    f.close()


def read(path):
    f = open(path)
    s = f.read()
    f.close()
    return s


os.makedirs("logs/2024")
os.mkdir("backup")
write("logs/a.log", "alpha")
write("logs/b.txt", "beta")
write("logs/2024/c.log", "gamma")
write("logs/.hidden.log", "h")

print(shutil.copyfile("logs/a.log", "backup/a.copy"), read("backup/a.copy"))
print(shutil.copy("logs/b.txt", "backup"), read("backup/b.txt"))
print(shutil.move("backup/a.copy", "backup/moved.log"), sorted(os.listdir("backup")))
show_error(lambda: shutil.copyfile("logs/none", "backup/x"))
show_error(lambda: shutil.copyfile("logs/a.log", "backup"))

print(sorted(glob.glob("logs/*.log")))
print(sorted(glob.glob("logs/*")))
print(sorted(glob.glob("logs/.*")))
print(sorted(glob.glob("logs/**/*.log", recursive=True)))
print(sorted(glob.glob("logs/**", recursive=True)))
print(sorted(glob.glob("*/*.txt")), glob.glob("nothing*"), glob.glob("logs/a.log"))
print(sorted(glob.glob("logs/[ab].*")), sorted(glob.glob("logs/[!a]*")), sorted(glob.glob("logs/?.log")))

print(shutil.copytree("logs", "logs2"), sorted(os.listdir("logs2")), read("logs2/2024/c.log"))
shutil.rmtree("logs2")
shutil.rmtree("logs2", ignore_errors=True)
show_error(lambda: shutil.rmtree("logs2"))
print(os.path.exists("logs2"))
usage = shutil.disk_usage(".")
print(usage.total >= usage.used, usage.free > 0, len(usage))

print(fnmatch.fnmatch("data.json", "*.json"), fnmatch.fnmatch("data.json", "*.js"), fnmatch.fnmatchcase("A.txt", "a.*"))
print(fnmatch.filter(["a.py", "b.txt", "c.py", "[x]"], "*.py"), fnmatch.fnmatch("[x]", "[[]x]"), fnmatch.fnmatch("a/b", "a*b"))
