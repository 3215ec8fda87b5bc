# f(*x) takes any iterable: a str, a generator, a dict's keys, a range
print(*"abc", sep=",")
print(*(n * n for n in range(4)))
print(*{"k": 1, "j": 2}.keys(), sep="+")
def total(*nums):
    return sum(nums)
print(total(*b"\x01\x02"), total(*map(int, "123")), max(*"qstar"))
