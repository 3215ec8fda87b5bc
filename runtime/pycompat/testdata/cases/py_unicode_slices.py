# str length, indexes and slices count code points; __getitem__ gets slice objects
s = "naïve café 日本語"
print(len(s), s[2], s[-1], s[6:10], s[::-1], s[-3:], s[:5].upper())
print(len("温度"), "温度:25"[0], "温度:25"[3:], [c for c in "日本"])
class Window:
    def __init__(self, data):
        self.data = data
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Window(self.data[key])
        return self.data[key]
    def __repr__(self):
        return "Window(%r)" % (self.data,)
w = Window(list(range(10)))
print(w[2], w[2:5], w[::3], w[-2:], w[5:1:-2])
print("hello"[1:4], "hello"[::-2], [1, 2, 3][::-1], (1, 2, 3)[1:], b"abc"[1:])
print("A1b2".translate(str.maketrans("ab", "xy")), "hello".translate({ord("l"): None}))
print("one\r\ntwo\rthree\n".splitlines(), "a\nb".splitlines(True), bytes.fromhex("51 53"))
