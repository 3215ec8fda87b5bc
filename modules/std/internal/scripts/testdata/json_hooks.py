import json
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
def enc(o):
    if isinstance(o, Pt):
        return {"__pt__": [o.x, o.y]}
    raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
def dec(d):
    if "__pt__" in d:
        return Pt(*d["__pt__"])
    return d
s = json.dumps({"p": Pt(1, 2), "l": [Pt(3, 4)]}, default=enc)
print(s)
back = json.loads(s, object_hook=dec)
print(back["p"].x, back["l"][0].y)
print(json.loads('{"b": 1, "a": {"c": 2}, "e": {}}', object_pairs_hook=lambda pairs: pairs))
print(json.loads(b'[{"k": 1}]', object_hook=lambda d: sorted(d)))
print((lambda: 0).__name__, [f.__name__ for f in [len, lambda x: x]])
