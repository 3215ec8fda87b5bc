from pathlib import Path, PurePath
import os, tempfile
p = PurePath("/usr/data/log.tar.gz")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.is_absolute(), p.anchor)
print(p.with_suffix(".zip"), p.with_name("x.txt"), p.relative_to("/usr"), p.match("*.gz"), p.match("data/*.gz"), p.match("/*.gz"))
print(PurePath("a") / "b" / "c.txt", "x" / PurePath("y"), PurePath("a/./b//c"), PurePath(), PurePath("a", "/abs", "b"))
print([str(q) for q in PurePath("/a/b/c").parents], PurePath("a/b") == PurePath("a//b"))
base = Path(tempfile.mkdtemp())
(base / "sub").mkdir()
f = base / "sub" / "notes.txt"
print(f.write_text("hello\nworld\n"), f.read_text().splitlines(), f.exists(), f.is_file(), f.is_dir(), f.parent.is_dir())
(base / "sub" / "b.bin").write_bytes(b"\x01\x02")
print(sorted(x.name for x in (base / "sub").iterdir()), sorted(x.name for x in base.glob("sub/*.txt")), sorted(x.name for x in base.rglob("*.bin")))
f.rename(base / "sub" / "renamed.txt")
print(sorted(x.name for x in (base / "sub").iterdir()))
(base / "sub" / "renamed.txt").unlink(); (base / "sub" / "b.bin").unlink(); (base / "sub").rmdir()
print(list(base.iterdir()), (base / "nope").exists())
(base / "x" / "y").mkdir(parents=True); (base / "x" / "y").mkdir(exist_ok=True)
try:
    (base / "x").mkdir()
except FileExistsError:
    print("exists")
print(Path("rel").is_absolute(), Path("rel").absolute().is_absolute())
