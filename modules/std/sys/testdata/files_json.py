# JSON settings files: json.dump/json.load on open files (Starlark reserves
# the name load; the front end renames it), and a class with a load method.
import json
from json import load, dump as save


class Settings:
    def __init__(self, path):
        self.path = path
        self.data = {}

    def load(self):
        try:
            f = open(self.path)
        except OSError as e:
            if e.args[0] == 2:
                return False
            raise
        self.data = json.load(f)
        f.close()
        return True

    def save(self):
        f = open(self.path, "w")
        json.dump(self.data, f)
        f.close()


s = Settings("settings.json")
print(s.load(), s.data)
s.data = {"apn": "cmnet", "interval": 30, "hosts": ["a", "b"]}
s.save()
t = Settings("settings.json")
print(t.load(), t.data)
f = open("other.json", "w")
save([1, 2.5, None, True], f)
f.close()
f = open("other.json")
print(load(f))
f.close()
