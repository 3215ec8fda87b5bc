"""partialmethod and singledispatch, beside the Go part of functools."""

from functools import partial, update_wrapper


class partialmethod:
    """partial() for methods: the instance goes first."""

    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return partial(self.func, obj, *self.args, **self.keywords)

    def __call__(self, obj, *args, **kwargs):
        kw = dict(self.keywords)
        kw.update(kwargs)
        return self.func(obj, *(self.args + args), **kw)


def singledispatch(func):
    """A generic function whose implementation is picked by its first argument's type."""
    registry = {object: func}

    def dispatch(cls):
        if cls in registry:
            return registry[cls]
        # the most derived registered class cls is a subclass of (bool -> int)
        best = None
        for k in registry:
            if k is object or not isinstance(k, type):
                continue
            try:
                if issubclass(cls, k) and (best is None or issubclass(k, best)):
                    best = k
            except TypeError:
                continue
        return registry[best] if best is not None else func

    def register(cls, method=None):
        if method is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            # @register with an annotated first parameter
            f = cls
            hints = getattr(f, "__annotations__", {}) or {}
            for name, hint in hints.items():
                if name != "return":
                    registry[hint] = f
                    return f
            raise TypeError("Invalid first argument to `register()`: %r. Use either `@register(some_class)` or plain `@register` on an annotated function." % (f,))
        registry[cls] = method
        return method

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % getattr(func, "__name__", "singledispatch function"))
        return dispatch(type(args[0]))(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatch on the first argument after self."""

    def __init__(self, func):
        self._dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self._dispatcher.register(cls, method)

    def __get__(self, obj, cls=None):
        dispatcher = self._dispatcher

        def method(*args, **kwargs):
            return dispatcher.dispatch(type(args[0]))(obj, *args, **kwargs)
        method.register = self.register
        return method
