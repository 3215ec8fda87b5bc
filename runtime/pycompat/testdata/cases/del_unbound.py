# del unbinds names; reading a local before assignment is UnboundLocalError
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
x = 2
print(x)

g = "global"
def read_deleted_global():
    return g
del g
try:
    read_deleted_global()
except NameError as e:
    print(type(e).__name__, e)

def local_del():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "caught: " + str(e)
print(local_del())

def local_del_uncaught():
    z = 1
    del z
    return z
try:
    local_del_uncaught()
except NameError as e:
    print(type(e).__name__, e, isinstance(e, UnboundLocalError))

v = "outer"
def before_assign():
    try:
        print(v)
        v = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
before_assign()

def plain_before_assign():
    print(v)
    v = 2
try:
    plain_before_assign()
except NameError as e:
    print(type(e).__name__, e)

def del_in_loop():
    out = []
    for i in range(3):
        item = i * 2
        out.append(item)
        del item
    return out
print(del_in_loop())

def del_then_rebind():
    a = 1
    del a
    a = 3
    return a
print(del_then_rebind())

items = [1, 2, 3]
del items[0]
print(items)
del items
try:
    items.append(1)
except NameError as e:
    print(e)
