# Seed 002 (Aliyun Python Link SDK, 认证与连接): one device, one secret.
# The doc's fragments joined in its order; added: `import time` and the
# wait loop at the end (the SDK's threads are daemons: without it the
# script ends before it connects, in CPython too).
import time
from linkkit import linkkit
lk = linkkit.LinkKit(
    host_name="cn-shanghai",
    product_key="a18wPzZJzNG",
    device_name="LightSwitch",
    device_secret="uwMTmVAMnGGHaAkqmeDY6cHxxB12345")
# lk.config_mqtt(endpoint="iot-cn-6ja******.mqtt.iothub.aliyuncs.com")
lk.config_mqtt(port=1883, protocol="MQTTv311", transport="TCP",
            secure="TLS", keep_alive=60, clean_session=True,
            max_inflight_message=20, max_queued_message=0,
            auto_reconnect_min_sec=1,
            auto_reconnect_max_sec=60,
            cadata=None)

def on_connect(session_flag, rc, userdata):
    print("on_connect:%d,rc:%d,userdata:" % (session_flag, rc))
    pass
def on_disconnect(rc, userdata):
    print("on_disconnect:rc:%d,userdata:" % rc)
lk.on_connect = on_connect
lk.on_disconnect = on_disconnect

lk.config_device_info("Eth|03ACDEFF0032|Eth|03ACDEFF0031")

lk.connect_async()

for i in range(100):
    if lk.check_state() == lk.LinkKitState.CONNECTED:
        break
    time.sleep(0.05)
lk.disconnect()
time.sleep(0.2)
