# Seed 000, program 2, "UpdateModuleTwinReportedProperties" (it updates the
# module twin's desired properties). Edits: the connection string comes
# from the command line (the doc's "FILL IN CONNECTION STRING"), and the
# ids are spelled as program 1 created them: the doc's MyFirstDevice /
# MyFirstModule differ in case, and ids are case-sensitive, so as written
# it prints "Unexpected error IoTHubDeviceTwin.get_module_twin, ...ERROR".
import sys
import iothub_service_client
from iothub_service_client import IoTHubRegistryManager, IoTHubRegistryManagerAuthMethod, IoTHubDeviceTwin, IoTHubError

CONNECTION_STRING = sys.argv[1] if len(sys.argv) > 1 else "FILL IN CONNECTION STRING"
DEVICE_ID = "myFirstDevice"
MODULE_ID = "myFirstModule"

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
