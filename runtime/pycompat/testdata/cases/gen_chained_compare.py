# a chained comparison at the start of a generator expression
readings = [3, 17, 42, 99, 120]
print(all(0 <= r <= 120 for r in readings), any(100 < r < 110 for r in readings))
print(list(10 < r <= 99 for r in readings), sum(1 for r in readings if 0 < r < 50))
print(sorted((r for r in readings if 3 <= r < 100), reverse=True))
ok = (lo <= hi for lo, hi in [(1, 2), (5, 4)])
print(next(ok), next(ok))
