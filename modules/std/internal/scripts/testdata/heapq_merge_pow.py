import heapq, operator
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3])), list(heapq.merge()), list(heapq.merge([3, 1], [2], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc", "dd"], key=len)), next(heapq.merge([5], [4])))
print(list(heapq.merge([(1, "a"), (2, "b")], [(1, "c")], key=lambda p: p[0])))
print(operator.pow(2, 10), operator.pow(2, -1), operator.pow(2.0, 0.5))
