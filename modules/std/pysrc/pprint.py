"""Pretty-print data structures: what fits in the width on one line stays
there, larger dicts, lists, tuples and sets put one item per line,
indented under their opening bracket, and long strings are split at
spaces; dict keys are sorted unless sort_dicts=False."""

import re as _re
import sys as _sys


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(indent=indent, width=width, depth=depth, stream=stream, compact=compact, sort_dicts=sort_dicts).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._pp_repr(object, 0, [])[0]


def isreadable(object):
    return PrettyPrinter()._pp_repr(object, 0, [])[1]


def isrecursive(object):
    return PrettyPrinter()._pp_repr(object, 0, [])[2]


def _pp_sort_key(x):
    # values of unlike types sort by type name, as CPython's pprint does
    try:
        x < x
        return (0, "", x)
    except TypeError:
        return (1, type(x).__name__, id(x))


def _pp_sorted(items, key=None):
    try:
        return sorted(items, key=key)
    except TypeError:
        if key is None:
            return sorted(items, key=_pp_sort_key)
        return sorted(items, key=lambda it: _pp_sort_key(key(it)))


def _kind(obj):
    """The built-in type obj exactly is ("dict", "list", ...), else ""."""
    name = type(obj).__name__
    if name in ("dict", "list", "tuple", "set", "frozenset", "str") and isinstance(obj, (dict, list, tuple, set, frozenset, str)):
        return name
    return ""


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._indent = indent
        self._width = width
        self._depth = depth
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts

    def pprint(self, object):
        text = self.pformat(object) + "\n"
        if self._stream is None:
            _sys.stdout.write(text)
        else:
            self._stream.write(text)

    def pformat(self, object):
        out = []
        self._pp_format(object, out, 0, 0, 0, [])
        return "".join(out)

    def isreadable(self, object):
        return self._pp_repr(object, 0, [])[1]

    def isrecursive(self, object):
        return self._pp_repr(object, 0, [])[2]

    def format(self, object, context, maxlevels, level):
        return self._pp_repr(object, level, [])

    # _repr is (text, readable, recursive) of object on one line
    def _pp_repr(self, obj, level, active):
        t = _kind(obj)
        if t in ("dict", "list", "tuple", "set", "frozenset") and len(obj) > 0:
            if any(a is obj for a in active):
                return "<Recursion on %s with id=%d>" % (t, id(obj)), False, True
            if self._depth is not None and level >= self._depth:
                return {"dict": "{...}", "list": "[...]", "tuple": "(...)"}.get(t, "..."), False, False
            active.append(obj)
            readable, recursive = True, False
            parts = []
            if t == "dict":
                items = obj.items()
                if self._sort_dicts:
                    items = _pp_sorted(items, key=lambda kv: kv[0])
                for k, v in items:
                    kr, kok, krec = self._pp_repr(k, level + 1, active)
                    vr, vok, vrec = self._pp_repr(v, level + 1, active)
                    parts.append("%s: %s" % (kr, vr))
                    readable = readable and kok and vok
                    recursive = recursive or krec or vrec
            else:
                seq = obj
                if t == "set" or t == "frozenset":
                    seq = _pp_sorted(obj)
                for v in seq:
                    vr, vok, vrec = self._pp_repr(v, level + 1, active)
                    parts.append(vr)
                    readable = readable and vok
                    recursive = recursive or vrec
            active.pop()
            body = ", ".join(parts)
            if t == "dict":
                text = "{" + body + "}"
            elif t == "list":
                text = "[" + body + "]"
            elif t == "tuple":
                text = "(" + body + ("," if len(parts) == 1 else "") + ")"
            elif t == "set":
                text = "{" + body + "}"
            else:
                text = "frozenset({" + body + "})"
            return text, readable and not recursive, recursive
        text = repr(obj)
        return text, not text.startswith("<"), False

    def _pp_format(self, obj, out, indent, allowance, level, active):
        text, _, recursive = self._pp_repr(obj, level, active)
        t = _kind(obj)
        if recursive or len(text) <= self._width - indent - allowance:
            out.append(text)
            return
        if t == "dict":
            self._pp_dict(obj, out, indent, allowance, level + 1, active)
        elif t == "list":
            self._pp_items("[", obj, "]", out, indent, allowance, level + 1, active)
        elif t == "tuple":
            self._pp_items("(", obj, ",)" if len(obj) == 1 else ")", out, indent, allowance, level + 1, active)
        elif t == "set" and obj:
            self._pp_items("{", _pp_sorted(obj), "}", out, indent, allowance, level + 1, active)
        elif t == "frozenset" and obj:
            self._pp_items("frozenset({", _pp_sorted(obj), "})", out, indent + len("frozenset("), allowance, level + 1, active, opener_len=1)
        elif t == "str" and obj:
            self._pp_str(obj, out, indent, allowance, level + 1)
        else:
            out.append(text)

    def _pp_open(self, opener, out):
        out.append(opener)
        if self._indent > 1:
            out.append(" " * (self._indent - 1))

    def _pp_dict(self, obj, out, indent, allowance, level, active):
        self._pp_open("{", out)
        items = list(obj.items())
        if self._sort_dicts:
            items = _pp_sorted(items, key=lambda kv: kv[0])
        inner = indent + self._indent
        active.append(obj)
        for i, (k, v) in enumerate(items):
            last = i == len(items) - 1
            key = self._pp_repr(k, level, active)[0]
            out.append(key + ": ")
            self._pp_format(v, out, inner + len(key) + 2, allowance + 1 if last else 1, level, active)
            if not last:
                out.append(",\n" + " " * inner)
        active.pop()
        out.append("}")

    def _pp_items(self, opener, items, closer, out, indent, allowance, level, active, opener_len=None):
        self._pp_open(opener, out)
        inner = indent + self._indent
        active.append(items)
        items = list(items)
        room = self._width - inner + 1  # what is left of the current line (compact)
        for i, v in enumerate(items):
            last = i == len(items) - 1
            tail = allowance + len(closer) if last else 1
            if self._compact:
                rep = self._pp_repr(v, level, active)[0]
                need = len(rep) + 2
                full = self._width - inner + 1 - (tail if last else 0)
                if i > 0:
                    left = room - (tail if last else 0)
                    if left >= need:
                        out.append(", " + rep)
                        room -= need
                        continue
                    out.append(",\n" + " " * inner)
                    room = self._width - inner + 1
                if need <= full:
                    out.append(rep)
                    room -= need
                    continue
                self._pp_format(v, out, inner, tail, level, active)
                room = 0
                continue
            if i > 0:
                out.append(",\n" + " " * inner)
            self._pp_format(v, out, inner, tail, level, active)
        active.pop()
        out.append(closer)

    def _pp_str(self, s, out, indent, allowance, level):
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = s.splitlines(True)
        chunks = []
        for i, line in enumerate(lines):
            last_line = i == len(lines) - 1
            limit = width - (allowance if last_line else 0)
            if len(repr(line)) <= limit:
                chunks.append(repr(line))
                continue
            words = _re.findall(r"\S*\s*", line)[:-1]
            current = ""
            for j, word in enumerate(words):
                lim = width - (allowance if last_line and j == len(words) - 1 else 0)
                if current and len(repr(current + word)) > lim:
                    chunks.append(repr(current))
                    current = word
                else:
                    current += word
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            out.append(chunks[0])
            return
        if level == 1:
            out.append("(")
        out.append(("\n" + " " * indent).join(chunks))
        if level == 1:
            out.append(")")
