# Alibaba Cloud IoT credentials from the Python front end (reference A.2, A.4).
from auth import aliyun
import auth.aliyun
from umqtt import MQTTClient

PK = 'a1B2c3D4e5F'
DN = 'dev1'

# Device secret ("一机一密"), iotkit-embedded style: hmacsha256, explicit timestamp.
creds = aliyun.mqtt_credentials(PK, DN, 'secret', client_id='dev1', timestamp=1700000000000)
for k in sorted(creds):
    print(k, '=', creds[k])

# LinkKit style: clientId pk&dn, hmacsha1, seconds.
print(aliyun.sign(PK, DN, 'secret', client_id=PK + '&' + DN, timestamp='1700000000', sign_method='hmacsha1'))
print(auth.aliyun.sign(PK, DN, 'secret', sign_method='hmacmd5', client_id='dev1', timestamp=1700000000000))

# The dict plugs straight into MQTTClient (no connection is made here).
c = MQTTClient(**creds)
print('client built:', c is not None)

# Product secret ("一型一密"): MQTT register and the HTTPS form.
reg = aliyun.register_credentials(PK, DN, 'prodSecret01', random='abc123', instance_id='iot-06z00abc')
print(reg['client_id'])
print(reg['password'])
print(aliyun.register_topic('register'))
req = aliyun.register_request(PK, DN, 'prodSecret01', random='abc123')
print(req['url'])
print(req['body'])

t = aliyun.topics(PK, DN)
print(t['property_post'])
print(t['property_post_reply'])
print(aliyun.event_topic(PK, DN, 'alarm'))
print(len(aliyun.random()))

try:
    aliyun.mqtt_credentials(PK, DN, 'secret', keepalive=10)
except ValueError as e:
    print('ValueError:', e)
try:
    aliyun.sign(PK, DN, None)
except TypeError as e:
    print('TypeError:', e)
