class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.next = nxt
    def __eq__(self, other):
        return self.v == other.v
n = Node(1, Node(2))
c = n
count = 0
while c is not None:
    count += 1
    c = c.next
print(count, n.next.next is None, n == Node(1), n != Node(3))
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, C) else o)
c = C(3)
print(c == 3, c != 3, 3 == c, 3 != c, c != 4, c == C(3), c != C(3), [1, 2] != [1, 2], 1 != 2)
