
class Doc(object):
    def __init__(self):
        self.fota = 1
        self.version = ""
        self.message = {}
        self.pins = []
        self.auto = True
        self.ratio = 0.5
    def info(self, as_text=True):
        data = dict()
        for key in self.__dict__.keys():
            data[key] = getattr(self, key)
        return str(sorted(data.items())) if as_text else data
    def reload(self, **kwargs):
        for key in self.__dict__.keys():
            if key in kwargs:
                setattr(self, key, kwargs[key])
            else:
                setattr(self, key, type(getattr(self, key))())
d = Doc()
print(d.info())
d.reload(fota=0, pins=[1, 2])
print(d.info(False))
for k in d.__dict__:
    d.__dict__[k] = str(d.__dict__[k])
print(d.__dict__)
