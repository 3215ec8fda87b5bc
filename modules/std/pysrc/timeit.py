"""Time small pieces of code: a callable, or a string of statements run
with exec(), number times."""

import utime as _utime

default_number = 1000000
default_repeat = 5


def default_timer():
    return _utime.ticks_us() / 1e6 if not hasattr(_utime, "perf_counter") else _utime.perf_counter()


def _compile(stmt, globals):
    if callable(stmt):
        return stmt
    if not isinstance(stmt, str):
        raise ValueError("stmt is neither a string nor callable")
    code = stmt
    namespace = globals if globals is not None else {}

    def run():
        exec(code, namespace)
    return run


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self._timer = timer
        self._globals = dict(globals or {})
        if callable(setup):
            self._setup = setup
        elif setup and setup != "pass":
            ns = self._globals
            self._setup = lambda: exec(setup, ns)
        else:
            self._setup = lambda: None
        if stmt == "pass":
            self._stmt = lambda: None
        else:
            self._stmt = _compile(stmt, self._globals)

    def timeit(self, number=default_number):
        self._setup()
        stmt = self._stmt
        start = self._timer()
        for _ in range(number):
            stmt()
        return self._timer() - start

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in (1, 2, 5):
                number = i * j
                t = self.timeit(number)
                if callback:
                    callback(number, t)
                if t >= 0.2:
                    return number, t
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
