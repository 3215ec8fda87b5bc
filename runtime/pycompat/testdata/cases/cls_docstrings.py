class Sensor(object):
    """Reads the temperature."""
    unit = 'C'
    def read(self):
        """Return the value."""
        return 21
def plain():
    '''A helper.'''
    return 1
def nodoc():
    return 2
print(Sensor.__doc__, Sensor().__doc__, Sensor.read.__doc__, Sensor().read.__doc__, plain.__doc__, nodoc.__doc__)
print([k for k in Sensor.__dict__ if not k.startswith('__')])
class A:
    def m(self): pass
print(type(int).__name__, type(A).__name__, type(A().m).__name__, type(len).__name__, type(print).__name__, type(lambda: 0).__name__, type(None).__name__, type(type).__name__)
