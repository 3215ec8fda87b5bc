# annotations are accepted and ignored; lambda defaults and star params
Dict = dict


def connect(host: str, port: int = 1883, *args: int, keepalive: int = 60, **kw: str) -> dict:
    return {'host': host, 'port': port, 'args': args, 'keepalive': keepalive, 'kw': kw}


print(connect('h'))
print(connect('h', 8883, 1, 2, keepalive=30, user='u'))


def nothing() -> None:
    pass


print(nothing())


def typed(items: list = [1, 2], f: "callable" = lambda v: v * 2) -> "list":
    return [f(i) for i in items]


print(typed())

x: int = 5
y: str
name: Dict = {'a': 1}
print(x, name)
try:
    print(y)
except NameError as e:
    print('NameError', e)


class Config:
    host: str = 'localhost'
    port: int = 1883
    retries: int

    def __init__(self, port: int = 0) -> None:
        self.user: str = 'admin'
        if port:
            self.port = port


c = Config(8080)
print(c.host, c.port, c.user, Config.port)

add = lambda a, b=2: a + b
print(add(1), add(1, 10))
both = lambda *a, **k: (a, sorted(k.items()))
print(both(1, 2, z=3, y=4))
kw_only = lambda x, *, scale=3: x * scale
print(kw_only(2), kw_only(2, scale=5))
handlers = {'double': lambda v, n=2: v * n}
print(handlers['double'](4))
pairs = sorted([(2, 'b'), (1, 'a')], key=lambda p, i=0: p[i])
print(pairs)


def posonly(a, b=2, /, c=3, *, d=4):
    return a + b + c + d


print(posonly(1), posonly(1, 1, c=1, d=1))
