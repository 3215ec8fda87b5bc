import difflib
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "heel", "when"], n=2, cutoff=0.5))
s = difflib.SequenceMatcher(None, "abcd", "bcde")
print(round(s.ratio(), 4), s.get_matching_blocks(), s.get_opcodes())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
a = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n", "eight\n", "nine\n", "ten\n"]
b = ["one\n", "2\n", "three\n", "four\n", "five\n", "six\n", "seven\n", "eight\n", "nine\n", "ten\n", "eleven\n"]
print("".join(difflib.unified_diff(a, b, fromfile="before.txt", tofile="after.txt")), end="")
print("".join(difflib.context_diff(a, b, fromfile="before.txt", tofile="after.txt")), end="")
print(list(difflib.unified_diff(["x"], ["x"])), round(difflib.SequenceMatcher(None, "", "").ratio(), 1))
long_a = "x" * 300 + "abc"
long_b = "x" * 250 + "abd"
print(round(difflib.SequenceMatcher(None, long_a, long_b).ratio(), 4))
print(round(difflib.SequenceMatcher(None, long_a, long_b, autojunk=False).ratio(), 4))
print(difflib.SequenceMatcher(None, [1, 2, 3, 4], [1, 3, 4, 5]).get_opcodes())
