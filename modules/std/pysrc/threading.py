"""Thread-based parallelism on _thread: threads take turns under the
interpreter lock, and every wait (join, Event.wait, Lock.acquire, sleep)
lets the others run."""

import _thread
import sys
import utime

TIMEOUT_MAX = 4294967.0
_counter = [0]
_active = {}  # ident -> Thread, for the threads started here

Lock = _thread.allocate_lock
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
ThreadError = RuntimeError


def get_native_id():
    return _thread.get_ident()


def _newname(template):
    _counter[0] += 1
    return template % _counter[0]


def _deadline(timeout):
    if timeout is None:
        return None
    return utime.ticks_add(utime.ticks_ms(), int(timeout * 1000))


def _remaining(deadline):
    """Seconds left before deadline (None: no deadline)."""
    if deadline is None:
        return None
    return max(0, utime.ticks_diff(deadline, utime.ticks_ms())) / 1000


def _acquire(lock, blocking, timeout):
    if not blocking:
        return lock.acquire(0)
    if timeout is None or timeout < 0:
        return lock.acquire()
    return lock.acquire(1, timeout)


class RLock:
    """A lock the thread holding it may acquire again; it is free once
    released as many times."""

    def __init__(self):
        self._block = _thread.allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = _thread.get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not _acquire(self._block, blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != _thread.get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def locked(self):
        return self._block.locked()

    def _release_save(self):
        state = (self._owner, self._count)
        self._owner = None
        self._count = 0
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._owner, self._count = state

    def _is_owned(self):
        return self._owner == _thread.get_ident()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        state = "locked" if self._owner is not None else "unlocked"
        return "<%s RLock owner=%r count=%d>" % (state, self._owner, self._count)


class Condition:
    """Threads wait until another notifies them, with the lock held around
    both."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, state):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(state)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if isinstance(self._lock, RLock):
            return self._lock._is_owned()
        return self._lock.locked()

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _thread.allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        got = False
        try:
            if timeout is None:
                got = waiter.acquire()
            elif timeout > 0:
                got = waiter.acquire(1, timeout)
            else:
                got = waiter.acquire(0)
            return got
        finally:
            self._acquire_restore(saved)
            if not got and waiter in self._waiters:
                self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        deadline = _deadline(timeout)
        result = predicate()
        while not result:
            left = _remaining(deadline)
            if left is not None and left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = self._waiters[:n]
        self._waiters = self._waiters[n:]
        for waiter in woken:
            waiter.release()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter that acquire takes from, waiting at zero, and release
    gives back to."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = _deadline(timeout)
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                left = _remaining(deadline)
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            self._value -= 1
            return True

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads wait on until another sets it."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag:
                self._cond.wait(timeout)
            return self._flag


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """parties threads wait until all of them have arrived."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    parties = property(lambda self: self._parties)
    n_waiting = property(lambda self: self._count)
    broken = property(lambda self: self._broken)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError()
            index = self._count
            self._count += 1
            generation = self._generation
            if self._count == self._parties:
                if self._action is not None:
                    self._action()
                self._count = 0
                self._generation += 1
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: self._generation != generation or self._broken, timeout):
                self._broken = True
                self._cond.notify_all()
            if self._broken:
                raise BrokenBarrierError()
            return index

    def reset(self):
        with self._cond:
            self._broken = False
            self._count = 0
            self._generation += 1
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._broken = True
            self._cond.notify_all()


class Thread:
    """A thread of control: start() runs run() (by default target(*args,
    **kwargs)) on a thread of its own; join() waits for it to end."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if name is None:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._args = tuple(args)
        self._kwargs = kwargs if kwargs is not None else {}
        self._name = str(name)
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._ident = None
        self._started = Event()
        self._finished = Event()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = bool(value)

    def getName(self):
        return self._name

    def setName(self, value):
        self._name = str(value)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, value):
        self.daemon = value

    def start(self):
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        if self._daemonic:
            _thread._start_daemon(self._bootstrap, ())
        else:
            _thread.start_new_thread(self._bootstrap, ())
        self._started.wait()

    def _bootstrap(self):
        self._ident = _thread.get_ident()
        _active[self._ident] = self
        self._started.set()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as e:
            print("Exception in thread %s:" % self._name, file=sys.stderr)
            sys.print_exception(e, sys.stderr)
        finally:
            _active.pop(self._ident, None)
            self._finished.set()

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        self._finished.wait(timeout)

    def is_alive(self):
        return self._started.is_set() and not self._finished.is_set()

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._finished.is_set():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._name = "MainThread"
        self._daemonic = False
        self._ident = None
        self._started = Event()
        self._finished = Event()
        self._started.set()


class _DummyThread(Thread):
    """A thread _thread started, as threading sees it."""

    def __init__(self, ident):
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._name = _newname("Dummy-%d")
        self._daemonic = True
        self._ident = ident
        self._started = Event()
        self._finished = Event()
        self._started.set()


_main = _MainThread()
_dummies = {}


def current_thread():
    ident = _thread.get_ident()
    t = _active.get(ident)
    if t is not None:
        return t
    if _thread.threadIsRunning(ident):  # started by _thread itself
        t = _dummies.get(ident)
        if t is None:
            t = _dummies[ident] = _DummyThread(ident)
        return t
    # the module may have been imported on another thread than the main
    # one: the main thread is whichever neither module started
    _main._ident = ident
    return _main


currentThread = current_thread


def main_thread():
    return _main


def active_count():
    return len(_active) + 1


activeCount = active_count


def enumerate():
    return [_main] + list(_active.values())


class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless
    cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class local:
    """Attributes seen only by the thread that set them."""

    def __init__(self):
        object.__setattr__(self, "_qstar_per_thread", {})

    def _mine(self):
        per = object.__getattribute__(self, "_qstar_per_thread")
        ident = _thread.get_ident()
        if ident not in per:
            per[ident] = {}
        return per[ident]

    def __getattr__(self, name):
        d = self._mine()
        if name in d:
            return d[name]
        raise AttributeError("'_thread._local' object has no attribute '%s'" % name)

    def __setattr__(self, name, value):
        self._mine()[name] = value

    def __delattr__(self, name):
        d = self._mine()
        if name not in d:
            raise AttributeError(name)
        del d[name]


def settrace(func):
    pass


def setprofile(func):
    pass


def stack_size(size=0):
    return _thread.stack_size(size) if size else 0
