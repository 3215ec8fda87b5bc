def first_int(items):
    for s in items:
        try:
            n = int(s)
        except ValueError:
            continue
        else:
            return n
    return None
print(first_int(['a', 'b', '7', '9']))
i = 0
while True:
    i += 1
    try:
        if i == 3:
            break
        if i % 2:
            continue
        print('even', i)
    except Exception:
        pass
print('i', i)
def retry():
    tries = 0
    while True:
        tries += 1
        try:
            if tries < 3:
                raise OSError('not yet')
            return tries
        except OSError as e:
            print('retry', tries, e)
print(retry())
