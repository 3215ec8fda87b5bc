# Seed 000, program 3: the device side, a module twin callback. Edits:
# IoTHubError is added to the import (the doc catches it without importing
# it: NameError), and the module's connection string (printed by program
# 1's key) comes from the command line instead of the doc's "". Ctrl-C
# ends it through its KeyboardInterrupt handler.
import random
import time
import sys
import iothub_client
from iothub_client import IoTHubModuleClient, IoTHubClientError, IoTHubTransportProvider, IoTHubClientResult, IoTHubError

PROTOCOL = IoTHubTransportProvider.AMQP
CONNECTION_STRING = sys.argv[1] if len(sys.argv) > 1 else ""

def module_twin_callback(update_state, payload, user_context):
    print ("")
    print ("Twin callback called with:")
    print ("updateStatus: %s" % update_state )
    print ("context: %s" % user_context )
    print ("payload: %s" % payload )

try:
    module_client = IoTHubModuleClient(CONNECTION_STRING, PROTOCOL)
    module_client.set_module_twin_callback(module_twin_callback, 1234)

    print ("Waiting for incoming twin messages.  Hit Control-C to exit.")
    while True:

        time.sleep(1000000)

except IoTHubError as iothub_error:
    print ( "Unexpected error {0}".format(iothub_error) )
except KeyboardInterrupt:
    print ( "module client sample stopped" )
