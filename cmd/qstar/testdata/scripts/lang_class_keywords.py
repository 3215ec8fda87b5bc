from abc import ABCMeta, abstractmethod
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return "ran"
print(Impl().run())
class P:
    def __init_subclass__(cls, flag=0, **kw):
        cls.flag = flag
class Q(P, flag=3):
    pass
print(Q.flag)
class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self): ...
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    pass
class WithMeta(object, metaclass=Meta):
    x = 1
print(WithMeta.x, WithMeta().x)
class R(P, flag=7, ):
    pass
print(R.flag)
