# exceptions across generators, try/finally inside them, close()
def risky(n):
    for i in range(n):
        if i == 2:
            raise ValueError('bad item %d' % i)
        yield i


try:
    for v in risky(5):
        print('got', v)
    print('not reached')
except ValueError as e:
    print('caught', e)
try:
    print(list(risky(4)))
except ValueError as e:
    print('list caught', e)
try:
    print(sum(x for x in risky(3)))
except ValueError as e:
    print('sum caught', e)
try:
    print([x * 2 for x in risky(3)])
except ValueError as e:
    print('comprehension caught', e)


def guarded():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'recovered'
    finally:
        print('finally in guarded')


g = guarded()
print(next(g))
print(g.throw(KeyError('k')))
print(next(g, 'exhausted'))


def resource():
    print('open')
    try:
        yield 'data'
        yield 'more'
    finally:
        print('closed')


r = resource()
print(next(r))
r.close()
print(next(r, 'after close'))
for item in resource():
    print('first only', item)
    break
print('loop left')


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print('exit seen')
        raise


s = stubborn()
next(s)
s.close()


def inner():
    x = yield 'i1'
    print('inner got', x)
    return 'inner result'


def outer():
    result = yield from inner()
    print('outer got', result)
    yield from range(2)


o = outer()
print(next(o))
print(o.send('hello'))
print(list(o))


def safe_division(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield None


print(list(safe_division([(4, 2), (1, 0), (9, 3)])))
g = risky(1)
print(list(g), list(g))
running = (x for x in [1])
print(next(running), next(running, 'spent'))
try:
    print('-'.join(str(v) for v in risky(5)))
except ValueError as e:
    print('join caught', e)
try:
    print(min(risky(4)), 'unreached')
except ValueError as e:
    print('min caught', e)
try:
    for i, v in enumerate(risky(3)):
        pass
except ValueError as e:
    print('enumerate caught', e, i)
