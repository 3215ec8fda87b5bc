# keyword arguments after **d come after d's keys, in the order written
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"a": 1}, b=2), f(x=0, **{"a": 1}, b=2, **{"c": 3}), f(1, **{"z": 9}))
