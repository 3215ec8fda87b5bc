"""Names for the built-in types, beside the Go part of types (SimpleNamespace)."""


import sys as _sys


def _f():
    pass


def _gen_probe():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
GeneratorType = type(_gen_probe())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)


def MappingProxyType(mapping):
    """A read-only view in CPython; here a copy of the mapping."""
    return dict(mapping)


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    return type(name, tuple(bases), ns)
