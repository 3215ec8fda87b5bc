# class-body annotations are kept (in order) for dataclasses; values stay class attributes
class C:
    x: int
    y: "list[str]" = []
    z: float = 1.5; w = 2
    def m(self) -> int:
        n: int = 3
        return n
print(list(C.__annotations__), hasattr(C, "x"), C.y, C.z, C.w, C().m())
v: int = 4
print(v)
