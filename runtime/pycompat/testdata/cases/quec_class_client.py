'''
File: mqtt_client.py  (QuecPython-style wrapper, trimmed to run anywhere)
'''
import time

MSG_QUEUE = []

class FakeLink(object):
    def __init__(self, fail_first=1):
        self.fail_first = fail_first
        self.calls = 0
        self.cb = None

    def connect(self):
        self.calls += 1
        if self.calls <= self.fail_first:
            raise OSError(-1)
        return 0

    def set_callback(self, cb):
        self.cb = cb

    def wait_msg(self):
        if MSG_QUEUE:
            topic, msg = MSG_QUEUE.pop(0)
            self.cb(topic, msg)
            return True
        return None


class MqttClient():
    '''
    mqtt init
    '''
    RECONNECT_LIMIT = 3

    def __init__(self, clientid, server, port, user=None, password=None, keepalive=0, ssl=False, ssl_params={}, reconn=True):
        self.__clientid = clientid
        self.__pw = password
        self.__server = server
        self.__port = port
        self.__uasename = user
        self.__keepalive = keepalive
        self.__ssl = ssl
        self.__ssl_params = ssl_params
        self.topic = None
        self.qos = None
        self.mqtt_client = None
        self.is_stop = False
        self.received = {}

    def connect(self):
        self.mqtt_client = FakeLink()
        self.mqtt_client.set_callback(self.__sub_cb)
        attempts = 0
        while attempts < MqttClient.RECONNECT_LIMIT:
            attempts += 1
            try:
                self.mqtt_client.connect()
                print('[%s] connected to %s:%d after %d attempt(s)' % (self.__clientid, self.__server, self.__port, attempts))
                return 0
            except OSError as e:
                print('connect failed: %s, args=%s' % (e, e.args))
        return -1

    def __sub_cb(self, topic, msg):
        key = topic.decode()
        self.received[key] = self.received.get(key, 0) + 1
        print('Subscribe Recv: Topic={},Msg={}'.format(key, msg.decode()))

    def __listen(self):
        while True:
            try:
                if not self.is_stop:
                    if self.mqtt_client.wait_msg() is None:
                        self.is_stop = True
                else:
                    break
            except Exception as e:
                print('listen error', e)
                break

    def loop_forever(self):
        self.__listen()


if __name__ == '__main__':
    MSG_QUEUE.append((b'/qpy/a', b'hello'))
    MSG_QUEUE.append((b'/qpy/b', b'{"k": 1}'))
    MSG_QUEUE.append((b'/qpy/a', b'again'))
    c = MqttClient('qpy_client', 'mq.example.com', 1883, keepalive=30)
    if c.connect() == 0:
        c.loop_forever()
    print(sorted(c.received.items()), c.is_stop, MqttClient.RECONNECT_LIMIT)
