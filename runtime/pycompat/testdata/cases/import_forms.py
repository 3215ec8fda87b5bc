import base64
import base64 as b64
import urllib.parse
from urllib.parse import quote
from urllib.parse import quote as q, quote as q2
from base64 import (b64encode,
                    b64decode)
from base64 import *
print(base64.b64encode(b'hi'), b64.b64encode(b'x'))
print(urllib.parse.quote('a b'), quote('c/d', safe=''), q('e f'), q2('g'))
print(b64decode(b64encode(b'round')))
def f():
    import base64 as inner
    return inner.b64encode(b'in')
print(f())
