# tempfile: scratch files and directories that go away.
import os
import tempfile

d = tempfile.mkdtemp(prefix="run-")
print(os.path.isdir(d), os.path.basename(d).startswith("run-"), os.path.isabs(d))
f = open(os.path.join(d, "x.txt"), "w")
f.write("scratch")
f.close()
print(os.listdir(d))
os.remove(os.path.join(d, "x.txt"))
os.rmdir(d)

t = tempfile.NamedTemporaryFile(suffix=".json")
print(t.name.endswith(".json"), os.path.exists(t.name), t.mode)
t.write(b'{"a": 1}')
t.seek(0)
print(t.read())
name = t.name
t.close()
print(os.path.exists(name))

k = tempfile.NamedTemporaryFile("w", delete=False)
k.write("kept")
k.close()
print(open(k.name).read())
os.remove(k.name)

td = tempfile.TemporaryDirectory()
inner = td.__enter__()
print(inner == td.name, os.path.isdir(inner))
open(os.path.join(inner, "f"), "w").close()
td.__exit__(None, None, None)
print(os.path.exists(inner))

here = tempfile.mkdtemp(dir=".")
print(here.startswith("./"), os.path.isdir(here))
os.rmdir(here)
