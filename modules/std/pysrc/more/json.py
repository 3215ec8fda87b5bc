"""JSONEncoder and JSONDecoder, and cls= for dumps/dump/loads/load,
beside the Go part of json (which does the encoding and decoding)."""

from json import dumps as _go_dumps, loads as _go_loads


class JSONEncoder:
    """Subclass and override default(o) to encode other types."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        self.separators = separators
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    def encode(self, o):
        kw = {"ensure_ascii": self.ensure_ascii, "sort_keys": self.sort_keys, "indent": self.indent, "default": self.default}
        if self.separators is not None:
            kw["separators"] = self.separators
        if self.skipkeys:
            kw["skipkeys"] = True
        if not self.allow_nan:
            kw["allow_nan"] = False
        return _go_dumps(o, **kw)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])


class JSONDecoder:
    """Subclass, or pass object_hook / object_pairs_hook / parse_float / parse_int."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        kw = {}
        for name in ("object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"):
            v = getattr(self, name)
            if v is not None:
                kw[name] = v
        return _go_loads(s, **kw)

    def raw_decode(self, s, idx=0):
        return self.decode(s[idx:]), len(s)


def dumps(obj, *, cls=None, **kw):
    if cls is None:
        return _go_dumps(obj, **kw)
    return cls(**kw).encode(obj)


def dump(obj, fp, *, cls=None, **kw):
    fp.write(dumps(obj, cls=cls, **kw))


def loads(s, *, cls=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode("utf-8")
    if cls is None:
        return _go_loads(s, **kw)
    return cls(**kw).decode(s)


def load(fp, *, cls=None, **kw):
    return loads(fp.read(), cls=cls, **kw)
