# CPython's messages for common errors a script catches and prints
tests = [
    lambda: ", ".join([1, 2]), lambda: "-".join(("a", None)), lambda: dict([1]), lambda: int("12", 1),
    lambda: bytes([300]), lambda: b"a" + "b", lambda: b"a" + 1, lambda: 1 + "a", lambda: int("x"),
    lambda: {}["k"], lambda: [][0], lambda: 1 / 0, lambda: None.x, lambda: len(5), lambda: sorted([1, "a"]),
    lambda: max([]), lambda: [1, 2].index(3), lambda: hash([]), lambda: "a" * "b", lambda: iter(5),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, e)
