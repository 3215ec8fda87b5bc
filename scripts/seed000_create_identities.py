# Seed 000 (Azure IoT Hub module identity, 2018, legacy SDK), program 1,
# CreateIdentities. One edit: the connection string comes from the command
# line (the doc leaves "YourConnString" to fill in; with it unchanged the
# SDK refuses it and the script prints the error), so against a local hub:
#   qstar emulate --listen 127.0.0.1:1883 &
#   qstar run --emulate=127.0.0.1:1883 scripts/seed000_create_identities.py \
#     'HostName=myhub.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=...'
import sys
import iothub_service_client
from iothub_service_client import IoTHubRegistryManager, IoTHubRegistryManagerAuthMethod, IoTHubError

CONNECTION_STRING = sys.argv[1] if len(sys.argv) > 1 else "YourConnString"
DEVICE_ID = "myFirstDevice"
MODULE_ID = "myFirstModule"

try:
    # RegistryManager
    iothub_registry_manager = IoTHubRegistryManager(CONNECTION_STRING)

    # CreateDevice
    primary_key = ""
    secondary_key = ""
    auth_method = IoTHubRegistryManagerAuthMethod.SHARED_PRIVATE_KEY
    new_device = iothub_registry_manager.create_device(DEVICE_ID, primary_key, secondary_key, auth_method)
    print("new_device <" + DEVICE_ID + "> has primary key = " + new_device.primaryKey)

    # CreateModule
    new_module = iothub_registry_manager.create_module(DEVICE_ID, primary_key, secondary_key, MODULE_ID, auth_method)
    print("device/new_module <" + DEVICE_ID + "/" + MODULE_ID + "> has primary key = " + new_module.primaryKey)

except IoTHubError as iothub_error:
    print ( "Unexpected error {0}".format(iothub_error) )
except KeyboardInterrupt:
    print ( "IoTHubRegistryManager sample stopped" )
