import configparser, io
SAMPLE = """
# a comment
[DEFAULT]
base = /srv
Level = 3

[server]
host = 127.0.0.1
port: 8080
debug = true
path = %(base)s/www
pct = 100%%
multi = first
   second

   third
; another comment

[client]
retries = 3
timeout = 2.5
name = "my client"
"""
cp = configparser.ConfigParser()
cp.read_string(SAMPLE)
print(cp.sections(), cp.get("server", "port"), cp.getint("server", "port"), cp.getboolean("server", "debug"))
print(cp.get("server", "path"), cp.get("server", "path", raw=True), cp.get("server", "pct"), repr(cp.get("server", "multi")))
print(cp.getfloat("client", "timeout"), cp.get("client", "name"), cp.get("client", "level"), cp.getint("client", "LEVEL"))
print(cp.items("client"))
print(cp.options("server"))
print(cp.has_section("server"), cp.has_section("DEFAULT"), cp.has_option("client", "base"), cp.has_option("nope", "x"), cp.has_option("server", "zzz"))
print("server" in cp, "DEFAULT" in cp, "x" in cp, len(cp), list(cp))
s = cp["server"]
print(s, s.name, s["host"], s.get("missing"), s.get("missing", "dflt"), s.getint("port"), "host" in s, "x" in s, len(s))
print(list(s), dict(s) == {k: s[k] for k in s})
print(cp.get("server", "nothing", fallback="fb"), cp.get("nosect", "x", fallback=None), cp.getint("server", "nothing", fallback=7))
print(dict(cp["client"]))
print(cp.defaults())
for name, sect in cp.items():
    print(name, type(sect).__name__, sorted(sect.keys()))
cp.set("client", "retries", "5")
cp["client"]["mode"] = "fast"
cp.add_section("extra")
cp.set("extra", "k", "v")
cp["new"] = {"a": 1, "B": "two"}
print(cp.getint("client", "retries"), cp["client"]["mode"], cp.sections(), cp["new"]["b"], cp["new"]["a"])
out = io.StringIO()
cp.write(out)
print(out.getvalue())
print(cp.remove_option("client", "mode"), cp.remove_option("client", "mode"), cp.remove_section("extra"), cp.remove_section("extra"), cp.sections())
errs = [
    lambda: cp.get("nosect", "x"),
    lambda: cp.get("server", "nope"),
    lambda: cp.add_section("server"),
    lambda: cp.add_section("DEFAULT"),
    lambda: cp.getint("server", "host"),
    lambda: cp.getboolean("server", "host"),
    lambda: cp.set("server", "n", 5),
    lambda: cp.set("server", "bad", "50%"),
    lambda: cp["nosect"],
    lambda: cp["server"]["nope"],
    lambda: configparser.ConfigParser().read_string("key = v\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nk=1\nbroken line\n[b]\nalso broken\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nk=1\n[a]\n"),
    lambda: configparser.ConfigParser().read_string("[a]\nk=1\nK=2\n"),
]
for f in errs:
    try:
        print("ok", f())
    except (configparser.Error, KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, str(e))
bad = configparser.ConfigParser()
bad.read_string("[a]\nx = %(missing)s\ny = %z\nz = %(z)s\n")
for opt in ("x", "y", "z"):
    try:
        print(bad.get("a", opt))
    except configparser.InterpolationError as e:
        print(type(e).__name__, e)
raw = configparser.RawConfigParser()
raw.read_string("[a]\nx = %(y)s\n")
raw.set("a", "n", 5)
print(raw.get("a", "x"), raw.get("a", "n"))
nv = configparser.ConfigParser(allow_no_value=True, inline_comment_prefixes=("#",), delimiters=("=",), defaults={"d": "1"})
nv.read_string("[s]\nflag\nk = v  # note\nurl = http://x:80\n")
print(nv.items("s"), nv.get("s", "flag"))
o2 = io.StringIO(); nv.write(o2, space_around_delimiters=False); print(o2.getvalue())
print(issubclass(configparser.NoSectionError, configparser.Error), issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError))
print(configparser.ConfigParser(interpolation=None).read_string("[a]\nx=%(q)s\n") is None)
