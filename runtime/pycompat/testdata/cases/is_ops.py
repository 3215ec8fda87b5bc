x = None
y = 5
print(x is None, x is not None, y is None, y is not None)
print(3 not in [1, 2], True is True)
if x is None and y is not None:
    print('ok')
