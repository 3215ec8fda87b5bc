class Conf:
    class _mode:
        off = 0x0
        on = 0x1
    class _level:
        low = 1
        high = 2
    debug = 1
    name = "dev"
    mode = _mode.on
    limits = {"lvl": _level.high, "n": 3}
    ids = [_mode.off, _mode.on]

data = {k: v for k, v in Conf.__dict__.items() if not k.startswith("_")}
print(data)
print(Conf._mode.on, Conf.mode == Conf._mode.on, Conf().limits["lvl"])
import json
print(json.dumps(data, sort_keys=True) if False else sorted(data))

class Pub(object):
    def __init__(self):
        self.__topics = {}
        self.__count = 0
    def __bump(self):
        self.__count += 1
    def subscribe(self, topic, fn):
        self.__topics.setdefault(topic, []).append(fn)
    def unsubscribe(self, topic, fn):
        try:
            self.__topics.setdefault(topic, []).remove(fn)
        except ValueError:
            print('not subscribed')
    def publish(self, topic, **kw):
        self.__bump()
        for fn in self.__topics.get(topic, []):
            fn(**kw)
        return self.__count
class Handler:
    def __init__(self, tag): self.tag = tag
    def on_msg(self, **kw): print(self.tag, sorted(kw.items()))
h = Handler('h1')
p = Pub()
p.subscribe('t', h.on_msg)
print(p.publish('t', a=1, b=2))
p.unsubscribe('t', h.on_msg)
print(p.publish('t', a=1))
p.unsubscribe('t', h.on_msg)
