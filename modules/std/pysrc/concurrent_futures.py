"""concurrent.futures on threading: ThreadPoolExecutor, Future, wait and
as_completed. (ProcessPoolExecutor runs its work on threads too: one
process holds the interpreter.)"""

import threading as _threading
from collections import namedtuple as _namedtuple
import queue as _queue
import utime as _utime

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


class CancelledError(Exception):
    pass


class TimeoutError(Exception):
    pass


class BrokenExecutor(RuntimeError):
    pass


class InvalidStateError(Exception):
    pass


class Future:
    def __init__(self):
        self._cond = _threading.Condition()
        self._state = "PENDING"
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        return "<Future at %#x state=%s>" % (id(self), self._state.lower())

    def cancel(self):
        with self._cond:
            if self._state in ("RUNNING", "FINISHED"):
                return False
            self._state = "CANCELLED"
            self._cond.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == "CANCELLED"

    def running(self):
        return self._state == "RUNNING"

    def done(self):
        return self._state in ("CANCELLED", "FINISHED")

    def _wait(self, timeout):
        with self._cond:
            if not self.done():
                self._cond.wait_for(self.done, timeout)
            if self._state == "CANCELLED":
                raise CancelledError()
            if not self.done():
                raise TimeoutError()

    def result(self, timeout=None):
        self._wait(timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        return self._exception

    def add_done_callback(self, fn):
        with self._cond:
            if not self.done():
                self._callbacks.append(fn)
                return
        fn(self)

    def _invoke_callbacks(self):
        for fn in self._callbacks:
            try:
                fn(self)
            except Exception:
                pass

    def set_running_or_notify_cancel(self):
        with self._cond:
            if self._state == "CANCELLED":
                return False
            self._state = "RUNNING"
            return True

    def set_result(self, result):
        with self._cond:
            if self.done():
                raise InvalidStateError("%r is already finished" % self)
            self._result = result
            self._state = "FINISHED"
            self._cond.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._cond:
            if self.done():
                raise InvalidStateError("%r is already finished" % self)
            self._exception = exception
            self._state = "FINISHED"
            self._cond.notify_all()
        self._invoke_callbacks()


class Executor:
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            for f in futures:
                yield f.result(timeout)
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    _counter = [0]

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = 5
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        ThreadPoolExecutor._counter[0] += 1
        self._prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % (ThreadPoolExecutor._counter[0] - 1)
        self._max_workers = max_workers
        self._work = _queue.Queue()
        self._threads = []
        self._shutdown = False
        self._initializer = initializer
        self._initargs = initargs
        self._lock = _threading.Lock()

    def _worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        while True:
            item = self._work.get()
            if item is None:
                self._work.put(None)  # wake the next worker too
                return
            future, fn, args, kwargs = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as e:
                future.set_exception(e)
            else:
                future.set_result(result)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work.put((f, fn, args, kwargs))
            if len(self._threads) < self._max_workers:
                t = _threading.Thread(target=self._worker, name="%s_%d" % (self._prefix, len(self._threads)), daemon=True)
                self._threads.append(t)
                t.start()
            return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work.get_nowait()
                    except _queue.Empty:
                        break
                    if item is not None:
                        item[0].cancel()
            self._work.put(None)
        if wait:
            for t in self._threads:
                t.join()


ProcessPoolExecutor = ThreadPoolExecutor


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = list(fs)
    deadline = None if timeout is None else _utime.ticks_add(_utime.ticks_ms(), int(timeout * 1000))
    while True:
        done = set(f for f in fs if f.done())
        not_done = set(f for f in fs if not f.done())
        if not not_done:
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(f.exception() is not None for f in done if not f.cancelled()):
            break
        if deadline is not None and _utime.ticks_diff(deadline, _utime.ticks_ms()) <= 0:
            break
        _utime.sleep_ms(2)
    return DoneAndNotDoneFutures(done, not_done)


DoneAndNotDoneFutures = _namedtuple("DoneAndNotDoneFutures", "done not_done")


def as_completed(fs, timeout=None):
    pending = list(fs)
    deadline = None if timeout is None else _utime.ticks_add(_utime.ticks_ms(), int(timeout * 1000))
    while pending:
        ready = [f for f in pending if f.done()]
        for f in ready:
            pending.remove(f)
            yield f
        if not pending:
            return
        if deadline is not None and _utime.ticks_diff(deadline, _utime.ticks_ms()) <= 0:
            raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), len(fs)))
        if not ready:
            _utime.sleep_ms(2)
