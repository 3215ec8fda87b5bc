# a lambda that yields is a generator function (MicroPython code gets the
# generator type with type((lambda: (yield))()))
type_gen = type((lambda: (yield))())
def g():
    yield 1
print(type_gen, isinstance(g(), type_gen))
def make():
    gen = (lambda n: (yield n * 2))(5)
    return list(gen)
print(make())
