class Settings(object):
    __count = 0
    def __init__(self, path='/usr/a.json'):
        self.__path = path
        self.__data = {}
        Settings.__count += 1
        self.__load()
    def __load(self):
        self.__data['k'] = 1
    def get(self):
        return self.__data, self.__path, Settings.__count
class Sub(Settings):
    def __init__(self):
        super().__init__()
        self.__path = 'sub'
    def both(self):
        return self.__path, self._Settings__path
s = Settings()
print(s.get(), sorted(s.__dict__), hasattr(s, '__path'), getattr(s, '_Settings__path'))
b = Sub()
print(b.both(), sorted(vars(b)))
try:
    s.__load()
except AttributeError as e:
    print(e)
class _Hidden:
    def __init__(self):
        self.__x = 1
print(list(vars(_Hidden())))
