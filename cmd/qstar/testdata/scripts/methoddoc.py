# Methods of module objects: help() finds the documented signature from the
# bound method, and the repr names the type, as CPython's bound methods do.
import osTimer
import ql_fs
from umqtt import MQTTClient

t = osTimer()
help(t.start)
print(repr(t.stop).startswith("<bound method osTimer.stop of <osTimer object at 0x"))
c = MQTTClient("doc", "127.0.0.1")
help(c.subscribe)
print(c.subscribe)
print(ql_fs.touch.__doc__)
try:
    ql_fs.path_exists(path="/usr")
except TypeError as e:
    print("TypeError:", e)
