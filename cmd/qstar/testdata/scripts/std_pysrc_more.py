import uuid, shlex, getopt, weakref, platform, calendar
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn, u.fields)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))
r = uuid.uuid4(); print(r.version, len(str(r)), uuid.UUID(str(r)) == r, uuid.UUID(bytes=r.bytes) == r)
print(uuid.uuid1().version, uuid.UUID(bytes_le=u.bytes_le) == u, sorted([uuid.NAMESPACE_URL, uuid.NAMESPACE_DNS])[0])
print(shlex.split('ls -l "my file.txt" \'a b\' c\\ d --opt="x y"'), shlex.quote("it's"), shlex.join(["a b", "c"]))
print(getopt.getopt(["-a", "-b", "val", "--long=5", "--flag", "rest", "-c"], "ab:c", ["long=", "flag"]))
try:
    getopt.getopt(["-z"], "ab")
except getopt.GetoptError as e:
    print("error:", e)
print(getopt.gnu_getopt(["x", "-a", "y"], "a"))
class O: pass
o = O(); w = weakref.ref(o); print(w() is o)
print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.weekday(2024, 2, 29), calendar.monthrange(2023, 2))
print(calendar.month(2024, 2), end="")
print(calendar.month(2024, 9, w=3), end="")
print(calendar.monthcalendar(2024, 2))
print(calendar.timegm((2024, 1, 1, 12, 30, 0)), calendar.month_name[3], calendar.day_abbr[6])
print(calendar.calendar(2024), end="")
calendar.setfirstweekday(calendar.SUNDAY)
calendar.prmonth(2024, 2)
print(platform.system())
