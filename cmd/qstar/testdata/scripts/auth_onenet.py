# OneNET login fields from the product id, device name and access key, as
# in the QuecPython OneNET sample, with a fixed expiry so the output is stable.
from auth import onenet
from umqtt import MQTTClient

PRODUCT_ID = '469948'
DEVICE_NAME = 'Chic_D'
ACCESS_KEY = 'rs2FaE5BuygJZkWKDA5okKt1RFpwOx53hbu6hwyCS4U='

# The sample's hard-coded password, recomputed.
print(onenet.token(PRODUCT_ID, ACCESS_KEY, device_name=DEVICE_NAME, expire_time=1673053248))

creds = onenet.mqtt_credentials(PRODUCT_ID, ACCESS_KEY, DEVICE_NAME, expire_time=2524579200, method='sha256', keepalive=30)
for k in sorted(creds):
    print(k, '=', creds[k])
c = MQTTClient(**creds)
print(c)

topics = onenet.topics(PRODUCT_ID, DEVICE_NAME)
print(topics['dp_post'])
print(topics['dp_post_replies'])
print(onenet.cmd_response_topic(PRODUCT_ID, DEVICE_NAME, onenet.cmd_id('$sys/469948/Chic_D/cmd/request/c0ffee')))

try:
    onenet.token(PRODUCT_ID, ACCESS_KEY, method='sm2')
except ValueError as e:
    print('ValueError:', e)
