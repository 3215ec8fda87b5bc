import types, warnings
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = "x"
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=[2], c="x"))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.LambdaType))
print(type(None) is types.NoneType, isinstance((x for x in []), types.GeneratorType))
warnings.warn("careful")
warnings.warn("careful")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("recorded", RuntimeWarning)
    print(len(w), w[0].category.__name__, str(w[0].message))
warnings.simplefilter("error")
try:
    warnings.warn("boom", UserWarning)
except UserWarning as e:
    print("raised", e)
warnings.resetwarnings()
warnings.filterwarnings("ignore", category=UserWarning)
warnings.warn("hidden")
print("done")
