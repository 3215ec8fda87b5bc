# Seed 002: one product, one secret, no pre-registration (MQTT regnwl).
# Added: the imports the fragment leaves out (the SDK's
# dynamic_register_nwl.py has them) and a wait for the reply.
import logging
import time
from linkkit import linkkit

lk = linkkit.LinkKit(
    host_name="cn-shanghai",
    product_key="a18wPzZJzNG",
    device_name="StreetLamp2",
    device_secret="",
    auth_type="regnwl",
    instance_id="iot-cn-6ja0000001",
    product_secret="YourProductSecretly")

lk.enable_logger(logging.DEBUG)

def on_device_dynamic_register_nwl_reply(code, client_id, user_name, password):
    print("code:", code)
    if 0 == code:
        print("cid:", client_id)
        print("user_name:", user_name)
        print("password:", password)

lk.on_device_dynamic_register_nwl_reply = on_device_dynamic_register_nwl_reply
lk.connect_async()

for i in range(100):
    if lk.check_state() == lk.LinkKitState.DISCONNECTED:
        break
    time.sleep(0.05)
time.sleep(0.2)
