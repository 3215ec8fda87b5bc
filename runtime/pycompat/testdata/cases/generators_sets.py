nums = [3, 1, 2]
print(sum(x * x for x in nums), any(x > 2 for x in nums), all(x > 0 for x in nums))
print(''.join(str(n) for n in sorted(nums)), max(len(s) for s in ['a', 'bcd']), tuple(x for x in 'ab'))
s = {1, 2, 3}
s2 = {x % 2 for x in nums}
print(sorted(s), sorted(s2), 2 in s, {}, {'k': 1}, len({'a', 'b', 'a'}))
