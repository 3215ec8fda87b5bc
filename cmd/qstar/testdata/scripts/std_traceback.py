# traceback and sys.exc_info; CPython 3.11's caret lines are left out of
# what is compared (qstar prints none)
import sys
import traceback


def show(text):
    print("".join(l for l in text.splitlines(True) if l.strip().strip("^~")), end="")


def inner(x):
    return 10 / x


def outer(x):
    return inner(x) + 1


def handler():
    try:
        outer(0)
    except ZeroDivisionError:
        show(traceback.format_exc())
        print(sys.exc_info()[0].__name__, sys.exc_info()[1])


handler()
print(repr(traceback.format_exc()), sys.exc_info())


class AppError(Exception):
    pass


def log_it():
    show("".join(traceback.format_exc().splitlines(True)[-2:]))


try:
    raise AppError("bad config")
except AppError as e:
    lines = traceback.format_exception(type(e), e, None)
    print(len(lines), lines)
    print(traceback.format_exception_only(type(e), e))
    log_it()
    show("".join(traceback.format_exception(e)))

print(traceback.format_exception(ValueError("never raised")))


def deep(n):
    if n == 0:
        raise KeyError("k")
    deep(n - 1)


try:
    deep(2)
except KeyError:
    show(traceback.format_exc(limit=1))
    show(traceback.format_exc(limit=-1))
    traceback.print_exc()
