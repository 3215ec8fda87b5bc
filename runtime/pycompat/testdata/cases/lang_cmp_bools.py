# comparisons of objects whose classes define __lt__ become _richcmp
# calls; used as numbers they are still ints: cmp functions return
# (a > b) - (a < b)
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, o):
        return self.parts < o.parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __repr__(self):
        return "Ver(%r)" % ".".join(map(str, self.parts))
def cmp(a, b):
    return (a > b) - (a < b)
vs = [Ver("1.10"), Ver("1.2"), Ver("0.9")]
def bubble(xs, cmp):
    xs = list(xs)
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if cmp(xs[j], xs[j + 1]) > 0:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs
print(bubble(vs, cmp), cmp(Ver("1.0"), Ver("1.0")))
print(bubble(["b", "A", "c"], lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())))
print(sum(v > Ver("0.9") for v in vs), (vs[0] is vs[0]) + 1)
