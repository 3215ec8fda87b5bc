"""Weak references, approximated: qstar keeps no reference counts, so a
reference holds its object (ref() returns it while the program runs);
the weak containers are plain ones."""


class ref:
    def __init__(self, obj, callback=None):
        self._obj = obj
        self._callback = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        return isinstance(other, ref) and self._obj is other._obj

    def __hash__(self):
        return hash(id(self._obj))

    def __repr__(self):
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(self._obj).__name__, id(self._obj))


ReferenceType = ref


def proxy(obj, callback=None):
    return obj


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class WeakValueDictionary(dict):
    pass


class WeakKeyDictionary(dict):
    pass


class WeakSet(set):
    pass


class WeakMethod(ref):
    pass


class finalize:
    """Calls func(*args, **kwargs) when called, or at most once."""

    def __init__(self, obj, func, *args, **kwargs):
        self._call = (func, args, kwargs)
        self.atexit = True

    def __call__(self, _=None):
        if self._call is None:
            return None
        func, args, kwargs = self._call
        self._call = None
        return func(*args, **kwargs)

    def detach(self):
        call, self._call = self._call, None
        return call

    def peek(self):
        return self._call

    @property
    def alive(self):
        return self._call is not None
