"""TypedDict, beside the Go part of typing: its instances are plain
dicts, as at run time in CPython, in both spellings."""


class TypedDict:
    """class Point(TypedDict): x: int  /  Point = TypedDict("Point", {"x": int})"""

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:  # the functional form: TypedDict(name, fields)
            def make(*a, **kw):
                return dict(*a, **kw)
            return make
        return dict(*args, **kwargs)
