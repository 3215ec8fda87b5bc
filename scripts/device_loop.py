# A device-style loop: a callback flips global state, a failing call is
# caught, and the loop ends with break.
state = 0
readings = []

def on_message(topic, msg):
    global state
    print("Recv: Topic={},Msg={}".format(topic.decode(), msg.decode()))
    state = 1

def read_sensor(n):
    if n == 2:
        raise OSError('sensor timeout')
    return 20.0 + n * 1.255

def connect(ok):
    if not ok:
        raise ValueError('bad credentials')
    return 'connected'

try:
    connect(False)
except Exception as e:
    print('!!!,e=%s' % e)

n = 0
while True:
    n += 1
    try:
        v = read_sensor(n)
        readings.append(v)
        print('reading {}: {:.2f}'.format(n, v))
    except OSError as e:
        print('skip', n, e)
        continue
    if n == 3:
        on_message(b'$sys/469948/dev/dp/post/json/accepted', b'{"id": 123}')
    if state == 1:
        break

print('done after', n, 'reads; last={:.2f}'.format(v), 'state', state)
print('avg %.3f' % (sum(readings) / len(readings)))
