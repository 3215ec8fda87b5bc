# Module types answer isinstance and print as classes.
import collections
import queue
import io
import struct
import logging
from collections import deque, namedtuple, OrderedDict, defaultdict, Counter

P = namedtuple('P', 'a b')
Q = namedtuple('Q', 'a b')
values = [deque(), OrderedDict(), defaultdict(list), Counter(), P(1, 2), queue.Queue(), io.StringIO(), io.BytesIO(),
          struct.Struct('<h'), logging.StreamHandler(), logging.Formatter()]
types = [deque, OrderedDict, defaultdict, Counter, P, Q, queue.Queue, queue.LifoQueue, io.StringIO, io.BytesIO,
         struct.Struct, logging.StreamHandler, logging.Handler, logging.Formatter]
for v in values:
    print([t.__name__ for t in types if isinstance(v, t)])
print(deque, collections.Counter, queue.Queue, io.StringIO, struct.Struct, logging.Formatter)
print(isinstance(5, deque), isinstance(P(1, 2), (Q, P)))
print([isinstance(v, dict) for v in values[:5]], isinstance(P(1, 2), tuple), isinstance(deque(), list))
