# Today's Azure SDK (azure-iot-hub): create a device and a module, or get
# them when they exist; prints the module's key. Written for qstar after
# Microsoft's module-twin guide. Usage:
#   qstar run --emulate=HOST:PORT scripts/azure_create_module.py SERVICE_CONNECTION_STRING
import sys
from azure.iot.hub import IoTHubRegistryManager
from msrest.exceptions import HttpOperationError

DEVICE_ID = "gatewayDevice"
MODULE_ID = "sensorModule"

registry = IoTHubRegistryManager.from_connection_string(sys.argv[1])
try:
    registry.create_device_with_sas(DEVICE_ID, "", "", "enabled")
    print("created device", DEVICE_ID)
except HttpOperationError as ex:
    print("device exists:", ex)
try:
    module = registry.create_module_with_sas(DEVICE_ID, MODULE_ID, "", "", "")
    print("created module", MODULE_ID)
except HttpOperationError:
    module = registry.get_module(DEVICE_ID, MODULE_ID)
    print("module exists", MODULE_ID)
print("primary key", module.authentication.symmetric_key.primary_key)
