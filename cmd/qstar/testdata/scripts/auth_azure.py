# Azure IoT Hub credentials and topics from the Python front end (reference B).
from auth import azure
from umqtt import MQTTClient

KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='
CONN = 'HostName=myhub.azure-devices.net;DeviceId=dev1;SharedAccessKey=' + KEY

cs = azure.parse_connection_string(CONN)
print(cs['HostName'], cs['DeviceId'])

# A device SAS token with an explicit expiry, then the CONNECT fields.
uri = azure.resource_uri(cs['HostName'], cs['DeviceId'])
print(uri)
print(azure.sas_token(uri, KEY, expiry=1700003600))
creds = azure.mqtt_credentials(CONN, expiry=1700003600)
for k in sorted(creds):
    print(k, '=', creds[k])
client = MQTTClient(**creds)
print('client built:', client is not None)

# A module identity and a service policy token.
m = azure.mqtt_credentials(CONN.replace('DeviceId=dev1', 'DeviceId=dev1;ModuleId=mod1'), expiry=1700003600)
print(m['client_id'], m['user'])
print(m['password'])
print(azure.sas_token('myhub.azure-devices.net', KEY, expiry=1700003600, key_name='iothubowner'))

# The QuecPython sample's static token and user name style.
print(azure.username('Quecpython.azure-devices.net', 'QuecPython_dev', api_version='2018-06-30'))

# Topics: telemetry, cloud-to-device, twin and direct methods.
print(azure.telemetry_topic('dev1', properties={'$.ct': 'application/json', '$.ce': 'utf-8'}))
print(azure.c2d_topic('dev1'))
print(azure.TWIN_RESPONSE_TOPIC, azure.TWIN_DESIRED_TOPIC, azure.METHOD_TOPIC)
print(azure.twin_get_topic(1))
print(azure.twin_patch_topic('2'))
print(azure.method_response_topic(200, '7'))
r = azure.parse_topic('$iothub/twin/res/204/?$rid=2&$version=6')
print(r['kind'], r['status'], r['rid'], r['version'])
r = azure.parse_topic('$iothub/methods/POST/reboot/?$rid=7')
print(r['kind'], r['name'], r['rid'])
print(azure.parse_topic('$iothub/twin/PATCH/properties/desired/?$version=3'))

try:
    azure.parse_connection_string('HostName=myhub.azure-devices.net;DeviceId=dev1')
except ValueError as e:
    print('ValueError:', e)
try:
    azure.sas_token(uri, 'not base64!', expiry=1)
except ValueError as e:
    print('ValueError:', e)
