_count = 0
_l = [1, 2, 3]
def _split(s):
    return ["custom", s]
def _format(x, _e=1):
    return "F%s" % x
class P:
    def __init__(self):
        self._split = "attr"
    def _items(self):
        return "mine"
d = {"a": 1}
print("a,b".split(","), _split("x"), "x{}".format(1), _format(2, _e=3), f"{_count}-{_l}", _l.count(2))
print(list(d.items()), P()._items(), P()._split, [1, 1].count(1))
try:
    raise ValueError("v")
except ValueError as _e:
    print("caught", _e)
_it = iter([1])
print(next(_it), [x for x in _l])
