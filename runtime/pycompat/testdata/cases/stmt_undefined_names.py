# names defined nowhere are a NameError only when the line runs
print('start')
if False:
    unknown_builtin('never runs')
DEBUG = False
if DEBUG:
    print(debug_helper())
try:
    value = missing_setting
except NameError as e:
    print('caught:', e)
    value = 'default'
print(value)


def later():
    return not_defined_either


try:
    later()
except NameError as e:
    print('in function:', e)
print('end')
print(totally_unknown)
