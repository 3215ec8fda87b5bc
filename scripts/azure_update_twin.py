# Today's Azure SDK: set a module twin's desired property (the service side).
#   qstar run --emulate=HOST:PORT scripts/azure_update_twin.py SERVICE_CONNECTION_STRING [INTERVAL]
import sys
from azure.iot.hub import IoTHubRegistryManager
from azure.iot.hub.models import Twin, TwinProperties

registry = IoTHubRegistryManager(sys.argv[1])
interval = int(sys.argv[2]) if len(sys.argv) > 2 else 122
twin = registry.get_module_twin("gatewayDevice", "sensorModule")
patch = Twin(properties=TwinProperties(desired={"telemetryInterval": interval}))
twin = registry.update_module_twin("gatewayDevice", "sensorModule", patch, twin.etag)
print("desired now", twin.properties.desired)
