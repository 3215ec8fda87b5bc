# The smallest QuecPython-style script: qstar run scripts/hello.py
import utime

def greet(name):
    return 'hello, {}!'.format(name)

print(greet('qstar'))
print('uptime ticks are ints:', isinstance(utime.ticks_ms(), int))
