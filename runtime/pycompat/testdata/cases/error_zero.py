def f():
    return 1 // 0
print('before')
f()
