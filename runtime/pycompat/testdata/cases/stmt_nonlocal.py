# nonlocal: closures that rebind a variable of the enclosing function
def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
inc()
inc(5)
print(get(), inc())

other_inc, other_get = make_counter()
other_inc()
print(other_get(), get())


def collect_events():
    events = []
    last = None
    total = 0

    def on_event(name, value):
        nonlocal last, total
        last = name
        total = total + value
        events.append(name)

    for i, n in enumerate(['connect', 'publish', 'close']):
        on_event(n, i)
    return last, total, events


print(collect_events())


def outer():
    x = 'outer'

    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
        return x

    print(middle(), x)


outer()


def with_try():
    state = 'idle'

    def run(ok):
        nonlocal state
        try:
            if not ok:
                raise ValueError('bad')
            state = 'ok'
        except ValueError as e:
            state = 'failed: ' + str(e)
        return state

    print(run(True), state)
    print(run(False), state)


with_try()


def param_owner(n):
    def bump():
        nonlocal n
        n = n * 2
    bump()
    bump()
    return n


print(param_owner(3))
