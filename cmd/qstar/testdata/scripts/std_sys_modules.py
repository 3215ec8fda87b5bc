import sys, json
import sysmods.helper as helper
print("json" in sys.modules, "sysmods.helper" in sys.modules, sys.modules["sysmods.helper"].value, sys.modules.get("nope"), "nope" in sys.modules)
print(sys.modules["json"] is json, type(sys.modules).__name__)
del sys.modules["sysmods.helper"]
print("sysmods.helper" in sys.modules)
import sysmods.helper as helper
print(sorted(k for k in sys.modules if k in ("json", "sysmods.helper", "sys")))
