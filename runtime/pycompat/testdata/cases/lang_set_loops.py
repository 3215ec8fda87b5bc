# loops over sets of every kind: empty, one item, strings (no CPython order to
# replay), ints, inside a method and a while loop
class T:
    def __init__(self):
        self.lengths = set()
        self.lengths.add(2)

    def run(self):
        out = []
        i = 0
        while i < 2:
            for n in self.lengths:
                out.append(n)
            i += 1
        return out


print(T().run())
for x in set():
    print("never")
for x in {7}:
    print(x)
words = {"alpha"}
words.add("beta")
print(sorted(w for w in words), len([w for w in words]))
for x in {3, 1, 2}:
    print(x, end=" ")
print()
print(sum(x for x in {1, 2, 3}), any(x > 2 for x in {1, 3}), list(frozenset([4])))
