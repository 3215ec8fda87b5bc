# a return or break inside try skips the else block; raise ... from sets __cause__
def classify(n):
    try:
        if n == 0:
            return "early"
        q = 10 // (n - 1)
    except ZeroDivisionError:
        return "zero"
    else:
        return "q=%d" % q
    finally:
        print("checked", n)
print(classify(0), classify(1), classify(3))
for i in range(3):
    try:
        if i == 1:
            break
    except ValueError:
        pass
    else:
        print("else ran for", i)
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad config") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise RuntimeError("second")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__), e.__cause__)
