# key=None means no key; split/rsplit take sep and maxsplit by name
x=[3,1,2]
x.sort(key=None)
print(x, sorted(x, key=None, reverse=True), max(x, key=None), min(x, key=None))
print("a,b,c".split(",", maxsplit=1), "a b c".rsplit(maxsplit=1), "a-b".split(sep="-"))
