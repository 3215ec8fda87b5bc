# Huawei IoTDA login fields from the device id and secret, as the
# QuecPython Huawei sample's web tool makes them, at a fixed time so the
# output is stable.
from auth import huawei
from umqtt import MQTTClient

DEVICE_ID = '64f0a1b2c3d4e5f6a7b8c9d0_dev1'
SECRET = 'secret123'
SERVER = 'a15fbbd7ce.iot-mqtts.cn-north-4.myhuaweicloud.com'

print(huawei.timestamp(1700000000))
creds = huawei.mqtt_credentials(DEVICE_ID, SECRET, timestamp=1700000000, server=SERVER, keepalive=30)
for k in sorted(creds):
    print(k, '=', creds[k])
c = MQTTClient(**creds)
print(c)

# Checked-timestamp variant and the vendor's worked example.
print(huawei.client_id(DEVICE_ID, timestamp='2023111422', check_timestamp=True))
print(huawei.password('12345678', '2025041401'))

topics = huawei.topics(DEVICE_ID)
print(topics['properties_report'])
print(topics['messages_down'])
request = '$oc/devices/%s/sys/commands/request_id=42' % DEVICE_ID
print(huawei.request_id(request), huawei.response_topic(request))

try:
    huawei.mqtt_credentials(DEVICE_ID, SECRET, keepalive=10)
except ValueError as e:
    print('ValueError:', e)
