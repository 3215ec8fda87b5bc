"""process_time, perf_counter_ns, asctime, ctime and strptime, beside the Go part of time."""

from time import perf_counter as _perf_counter, localtime as _localtime, time as _time

_days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def process_time():
    return _perf_counter()


def process_time_ns():
    return int(_perf_counter() * 1e9)


def perf_counter_ns():
    return int(_perf_counter() * 1e9)


def thread_time():
    return _perf_counter()


def asctime(t=None):
    if t is None:
        t = _localtime()
    return "%s %s %2d %02d:%02d:%02d %d" % (_days[t[6]], _months[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(_localtime(_time() if secs is None else secs))


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    import datetime as _dt
    return _dt.datetime.strptime(string, format).timetuple()
