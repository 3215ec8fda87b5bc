import sys
import iothub_service_client
from iothub_service_client import IoTHubRegistryManager, IoTHubRegistryManagerAuthMethod, IoTHubDeviceTwin, IoTHubError

CONNECTION_STRING = "FILL IN CONNECTION STRING"
DEVICE_ID = "MyFirstDevice"
MODULE_ID = "MyFirstModule"

UPDATE_JSON = "{\"properties\":{\"desired\":{\"telemetryInterval\":122}}}"

try:
    iothub_twin = IoTHubDeviceTwin(CONNECTION_STRING)

    twin_info = iothub_twin.get_twin(DEVICE_ID, MODULE_ID)
    print ( "" )
    print ( "Twin before update    :" )
    print ( "{0}".format(twin_info) )

    twin_info_updated = iothub_twin.update_twin(DEVICE_ID, MODULE_ID, UPDATE_JSON)
    print ( "" )
    print ( "Twin after update     :" )
    print ( "{0}".format(twin_info_updated) )

except IoTHubError as iothub_error:
    print ( "Unexpected error {0}".format(iothub_error) )
except KeyboardInterrupt:
    print ( "IoTHubRegistryManager sample stopped" )
