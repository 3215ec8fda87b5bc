# a @ b calls __matmul__ / __rmatmul__, with the precedence of *
class M:
    def __init__(self, rows):
        self.rows = rows
    def __matmul__(self, other):
        if isinstance(other, M):
            cols = list(zip(*other.rows))
            return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
        return NotImplemented
    def __rmatmul__(self, other):
        return ("rmatmul", other)
    def __mul__(self, k):
        return M([[v * k for v in r] for r in self.rows])
    def __repr__(self):
        return f"M({self.rows})"

a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b)
print(a @ b @ a)
print(a @ b * 2)
print(a * 2 @ b)
print(a @ (b * 3))
print(5 @ a)
c = a
c @= b
print(c, a)
print([x @ b for x in [a, b]])
try:
    [1] @ [2]
except TypeError as e:
    print("TypeError:", e)
