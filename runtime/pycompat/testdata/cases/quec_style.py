import time

class MqttHelper(object):
    def __init__(self, client_id, server, port=1883, *args, **kwargs):
        self.client_id = client_id
        self.server = server
        self.port = port
        self.extra = kwargs
        self.subs = []
        self.cb = None

    def set_callback(self, cb):
        self.cb = cb

    def subscribe(self, topic, qos=0):
        if isinstance(topic, str):
            topic = topic.encode()
        self.subs.append((topic, qos))
        return 0

    def deliver(self, msg):
        for topic, _ in self.subs:
            if self.cb:
                self.cb(topic, msg)

    def __repr__(self):
        return '<MqttHelper %s@%s:%d>' % (self.client_id, self.server, self.port)

received = []
def on_msg(topic, msg):
    global received
    received.append('%s:%s' % (topic.decode(), msg.decode()))

c = MqttHelper('dev1', 'example.com', keepalive=30)
c.set_callback(on_msg)
c.subscribe('a/b')
c.subscribe(b'c/d', 1)
c.deliver(b'hello')
print(received, c.extra, repr(c))
print([s[1] for s in c.subs], len(received) == 2)

def loop(limit):
    count = 0
    errors = 0
    while True:
        count += 1
        try:
            if count % 3 == 0:
                raise OSError('net down (%d)' % count)
            if count >= limit:
                break
        except OSError as e:
            errors += 1
            print('error:', e)
            continue
        finally:
            pass
    return count, errors
print(loop(7))
data = {'temp': 21.456, 'hum': 40}
print('T={temp:.1f} H={hum}%'.format(**data))
print(sorted(data.keys()), list(data.items())[0], 'temp' in data)
s = '  A,B ,C  '
print([p.strip().lower() for p in s.split(',')], s.strip().startswith('A'))
print(max([3, 1, 2]), min(4, 2), any([0, 1]), all([]), str(12).zfill(5))
print('%-8s|%8.3f|' % ('key', 3.14159), 'x' * 3, [0] * 2)
