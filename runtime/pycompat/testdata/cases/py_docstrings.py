# __doc__ of functions and methods is their docstring, None without one
def f():
    """Say hi."""
    return 1
def g():
    return 2
class C:
    """A class."""
    def m(self):
        """Method doc."""
print(f.__doc__, g.__doc__, C.m.__doc__, C().m.__doc__)
