# A Starlark load line in a .py file is Starlark's own: port keeps it.
load("./lib.star", "greet")

def shout(who):
    return greet(who).upper() + "!"

print(shout("port"))
print("{}: {}".format("n", len(shout("x"))))
