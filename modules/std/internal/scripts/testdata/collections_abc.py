# Generic code that dispatches on collections.abc classes.
import collections
from collections.abc import Mapping, Sequence, Iterable, MutableSequence, Sized, Hashable, Callable
from collections import deque, OrderedDict, Counter


def flatten(x):
    if isinstance(x, Mapping):
        return [k for k in x] + [v for k in x for v in flatten(x[k])]
    if isinstance(x, Sequence) and not isinstance(x, str):
        return [y for item in x for y in flatten(item)]
    return [x]


print(flatten({'a': [1, (2, 3)], 'b': OrderedDict(c=[4])}))
vals = [{}, [], (), 'ab', b'x', deque(), OrderedDict(), Counter(), set(), 5, len]
for abc in [Mapping, Sequence, Iterable, MutableSequence, Sized, Hashable, Callable]:
    print(abc.__name__, [isinstance(v, abc) for v in vals])
print(collections.abc.Mapping, isinstance({}, collections.abc.MutableMapping))
