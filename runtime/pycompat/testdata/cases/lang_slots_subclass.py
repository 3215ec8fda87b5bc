# __slots__, __init_subclass__, cls.mro()
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Vec3(Vec):
    __slots__ = ["z"]
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Loose(Vec):
    pass
v = Vec3(1, 2, 3)
v.x = 10
print(v.x, v.y, v.z, hasattr(v, "__dict__"), hasattr(Loose(1, 2), "__dict__"))
for obj in (Vec(1, 2), v):
    try:
        obj.w = 0
        print("set w")
    except AttributeError as e:
        print("AttributeError:", e)
l = Loose(1, 2)
l.w = 5
print(l.w, vars(l)['w'])
registry = []
class Plugin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        registry.append(cls.__name__)
        cls.plugin_id = len(registry)
class Alpha(Plugin):
    pass
class Beta(Alpha):
    pass
print(registry, Alpha.plugin_id, Beta.plugin_id, hasattr(Plugin, "plugin_id"))
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.mro()], D.mro() == list(D.__mro__))
