def parse(pairs):
    total = 0
    try:
        for k, v in pairs:
            total = total + v
        a, b = pairs[0]
        names = [k for k, _ in pairs]
        lookup = {k: v for k, v in pairs}
        double = lambda x: x * 2 + total
    except Exception as e:
        print('failed', e)
        return None
    print(a, b, names, lookup, double(1), k, v)
    return total
print(parse([('x', 1), ('y', 2)]))
print(parse([('x', 1), ('y', 'z')]))

def counter():
    n = 0
    def inc():
        return n + 1
    try:
        n = 5
    except:
        pass
    return inc()
print(counter())

try:
    import json as codec
except ImportError:
    codec = None
print(codec is not None)

try:
    def helper(x):
        return x + 1
    result = helper(1)
except Exception:
    result = -1
print(result, helper(2))

def param_in_try(x, y=2):
    try:
        x = x * y
    finally:
        y = 0
    return x, y
print(param_in_try(3))

def uses_global_and_try():
    global total_calls
    try:
        total_calls += 1
        local = total_calls * 10
    except NameError:
        total_calls = 1
        local = -1
    return local
total_calls = 0
print(uses_global_and_try(), uses_global_and_try(), total_calls)
