# generator methods, recursive generators and a round-robin task loop
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            for item in child.walk(depth + 1):
                yield item


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(tree))
print([v for v in tree if v > 1])
for depth, value in tree.walk():
    print('  ' * depth + str(value))
print(sum(tree), max(tree), sorted(tree, reverse=True))
it = iter(tree)
print(next(it), next(it))


class Sensor:
    def __init__(self, samples):
        self.samples = samples

    def readings(self):
        for s in self.samples:
            if s is None:
                continue
            yield round(s * 1.5, 1)

    def average(self):
        values = list(self.readings())
        return sum(values) / len(values)


sensor = Sensor([1.0, None, 3.0, 2.0])
print(list(sensor.readings()), sensor.average())


def task(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        yield


tasks = [task('led', 2), task('net', 3), task('gps', 1)]
while tasks:
    t = tasks.pop(0)
    try:
        next(t)
        tasks.append(t)
    except StopIteration:
        print('task finished')


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, source):
    for i, v in enumerate(source):
        if i >= n:
            return
        yield v


print(list(take(8, fib())))
print(list(zip(take(3, fib()), 'abc')), dict(enumerate(take(3, fib()))))
print(list(map(str, take(4, fib()))), list(filter(None, take(5, fib()))))


def primed(fn):
    def start(*args):
        g = fn(*args)
        next(g)
        return g
    return start


@primed
def averager():
    total, count = 0.0, 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


a = averager()
print(a.send(10), a.send(20), a.send(60))
