# bools take part in arithmetic as 0 and 1 when they are plainly bools
for i in range(1, 16):
    print("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or i, end=" ")
print()
positives = 0
for x in [3, -1, 4, -1, 5]:
    positives += x > 0
print(positives, True + True, True * 10, 7 - (1 in [1]), (not 0) + 1, isinstance(1, int) * 3)
print(sum([True, False, True]), 2 * (len("abc") > 2), "-" * (1 < 2 < 3) * 4)
