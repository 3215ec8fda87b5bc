# Today's Azure SDK (azure-iot-device): a module reports its state and
# prints every desired-property patch until Ctrl-C.
#   qstar run --emulate=HOST:PORT scripts/azure_module_twin.py MODULE_CONNECTION_STRING
import sys
import time
from azure.iot.device import IoTHubModuleClient

client = IoTHubModuleClient.create_from_connection_string(sys.argv[1])

def on_patch(patch):
    print("desired patch:", patch)

try:
    client.connect()
    client.patch_twin_reported_properties({"firmware": "1.0"})
    client.on_twin_desired_properties_patch_received = on_patch
    print("waiting for desired patches; Ctrl-C to stop")
    while True:
        time.sleep(1000)
except KeyboardInterrupt:
    print("stopped")
finally:
    client.shutdown()
