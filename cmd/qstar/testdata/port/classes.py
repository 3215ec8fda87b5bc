# Classes: docstrings, inheritance, super(), dunders, class attributes.
class Shape:
    """A named shape."""
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def __str__(self):
        return "%s(%.1f)" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @staticmethod
    def unit():
        return Rect(1, 1)


shapes = [Rect(2, 3), Rect.unit(), Shape("dot")]
for s in shapes:
    print(str(s), isinstance(s, Shape), isinstance(s, Rect))
print("count", Shape.count)
print(Shape.__doc__)
print(sorted([s.area() for s in shapes]))
