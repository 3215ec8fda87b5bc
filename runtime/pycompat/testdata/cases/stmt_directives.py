# compiler directives, placeholder bodies, del of attributes
from __future__ import annotations


class Base:
    kind = 'base'

    def hook(self): ...

    def other(self):
        ...


class Plain: ...


def todo(x): ...


b = Base()
print(b.hook(), b.other(), todo(1), Plain.__name__)
b.kind = 'mine'
b.extra = 1
print(b.kind)
del b.kind, b.extra
print(b.kind, hasattr(b, 'extra'))
try:
    del b.kind
except AttributeError as e:
    print('AttributeError', e)
items = {'a': [1, 2, 3]}
del items['a'][0]
print(items)
