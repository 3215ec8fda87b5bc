# exit: 1
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())


def down(n):
    return down(n + 1)


down(0)
