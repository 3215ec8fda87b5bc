count = 0
state = 'idle'
def bump(n):
    global count
    count += n
def set_state(s):
    global state, count
    state = s
    count = count * 10
def read():
    return count
bump(2)
bump(3)
set_state('busy')
print(count, state, read())
for i in range(3):
    bump(i)
print(count)
