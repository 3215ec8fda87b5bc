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
