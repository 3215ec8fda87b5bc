# Seed 002: one product, one secret, pre-registered (HTTPS dynamic
# registration). Edits the doc's own bugs force: the callback is defined
# before it is assigned (the doc assigns it first: NameError in CPython),
# and connect_async() plus a wait loop are added, as the SDK's
# dynamic_register.py example does.
import time
from linkkit import linkkit
lk = linkkit.LinkKit(
    host_name="cn-shanghai",
    product_key="a18wPzZJzNG",
    device_name="StreetLamp",
    device_secret="",
    product_secret="YourProductSecretly")
def on_device_dynamic_register(rc, value, userdata):
    if rc == 0:
        print("dynamic register device success, rc:%d, value:%s" % (rc, value))
    else:
        print("dynamic register device fail,rc:%d, value:%s" % (rc, value))
lk.on_device_dynamic_register = on_device_dynamic_register

lk.connect_async()
for i in range(100):
    if lk.check_state() == lk.LinkKitState.CONNECTED:
        break
    time.sleep(0.05)
print(lk.check_state())
lk.disconnect()
