"""Object-oriented paths (PurePath, Path) on os and os.path, for POSIX:
the parts of a path, joining with /, and the file operations, on the
device filesystem the script may use."""

import fnmatch as _fnmatch
import os as _os
import os.path as _osp


def _path_split(text):
    """(root, parts) of a path string: root is "/" or ""."""
    root = "/" if text.startswith("/") else ""
    parts = [p for p in text.split("/") if p and p != "."]
    return root, parts


class PurePath:
    def __init__(self, *segments):
        root, parts = "", []
        for seg in segments:
            if isinstance(seg, PurePath):
                seg = str(seg)
            if not isinstance(seg, str):
                raise TypeError("argument should be a str or an os.PathLike object, not '%s'" % type(seg).__name__)
            r, p = _path_split(seg)
            if r:
                root, parts = r, p
            else:
                parts = parts + p
        self._root = root
        self._parts = parts

    @classmethod
    def _make(cls, root, parts):
        p = cls()
        p._root = root
        p._parts = list(parts)
        return p

    def __str__(self):
        text = self._root + "/".join(self._parts)
        return text or "."

    def __fspath__(self):
        return str(self)

    def __repr__(self):
        name = type(self).__name__
        name = {"PurePath": "PurePosixPath", "Path": "PosixPath"}.get(name, name)  # the POSIX flavour, as CPython shows it
        return "%s(%r)" % (name, str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        return str(self) < str(other)

    def __le__(self, other):
        return str(self) <= str(other)

    def __gt__(self, other):
        return str(self) > str(other)

    def __ge__(self, other):
        return str(self) >= str(other)

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def drive(self):
        return ""

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name, suffix = self.name, self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while p._parts:
            p = p.parent
            out.append(p)
        return tuple(out)

    def is_absolute(self):
        return self._root == "/"

    def joinpath(self, *others):
        return type(self)(self, *others)

    def with_name(self, name):
        if not self._parts:
            raise ValueError("%r has an empty name" % (self,))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if suffix and not suffix.startswith("."):
            raise ValueError("Invalid suffix %r" % suffix)
        return self.with_name(self.stem + suffix)

    def relative_to(self, *other):
        base = type(self)(*other)
        if base._root != self._root or self._parts[:len(base._parts)] != base._parts:
            raise ValueError("%r is not in the subpath of %r" % (str(self), str(base)))
        return self._make("", self._parts[len(base._parts):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, pattern):
        pat_root, pat_parts = _path_split(pattern)
        if pat_root:
            if not self._root or len(pat_parts) != len(self._parts):
                return False
        elif len(pat_parts) > len(self._parts):
            return False
        mine = self._parts[len(self._parts) - len(pat_parts):]
        return all(_fnmatch.fnmatchcase(a, b) for a, b in zip(mine, pat_parts))

    def as_posix(self):
        return str(self)

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return "file://" + str(self)


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    @classmethod
    def home(cls):
        return cls(_osp.expanduser("~"))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(_os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(_osp.normpath(_osp.abspath(str(self))))

    def expanduser(self):
        return type(self)(_osp.expanduser(str(self)))

    def exists(self):
        return _osp.exists(str(self))

    def is_file(self):
        return _osp.isfile(str(self))

    def is_dir(self):
        return _osp.isdir(str(self))

    def is_symlink(self):
        return _osp.islink(str(self))

    def stat(self):
        return _os.stat(str(self))

    def iterdir(self):
        for name in sorted(_os.listdir(str(self))):
            yield self / name

    def glob(self, pattern):
        if pattern.startswith("**/") or pattern == "**":
            rest = pattern[3:] if pattern.startswith("**/") else "*"
            for d, _, files in _os.walk(str(self)):
                base = type(self)(d)
                for name in sorted(files + [x for x in _os.listdir(d) if _osp.isdir(_osp.join(d, x))]):
                    if _fnmatch.fnmatch(name, rest):
                        yield base / name
            return
        head, _, tail = pattern.partition("/")
        for child in self.iterdir():
            if _fnmatch.fnmatch(child.name, head):
                if tail:
                    if child.is_dir():
                        yield from child.glob(tail)
                else:
                    yield child

    def rglob(self, pattern):
        return self.glob("**/" + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if self.exists():
            if exist_ok and self.is_dir():
                return
            raise FileExistsError("[Errno 17] File exists: '%s'" % self)
        if parents:
            _os.makedirs(str(self))
        else:
            _os.mkdir(str(self))

    def rmdir(self):
        _os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            _os.remove(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        _os.rename(str(self), str(target))
        return type(self)(target)

    def replace(self, target):
        _os.replace(str(self), str(target))
        return type(self)(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: '%s'" % self)
            return
        with open(str(self), "a"):
            pass

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode)

    def read_text(self, encoding=None, errors=None):
        with open(str(self), "r") as f:
            return f.read()

    def read_bytes(self):
        with open(str(self), "rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with open(str(self), "w") as f:
            return f.write(data)

    def write_bytes(self, data):
        with open(str(self), "wb") as f:
            return f.write(bytes(data))

    def samefile(self, other):
        return self.resolve() == type(self)(other).resolve()


class PosixPath(Path):
    pass
