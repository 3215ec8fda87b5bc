"""An outside MQTT client for the emulator's tests (Debian's python3-paho-mqtt).

Usage: paho_client.py HOST PORT JSON, where JSON is
  {"client_id", "user", "password", "keepalive", "ca" (PEM file: TLS),
   "subscribe": [filters], "publish": [[topic, payload, qos]], "wait": seconds}
It prints one line per event: "connack N", "suback FILTER CODE",
"puback TOPIC", "msg TOPIC PAYLOAD", "closed", and exits 0.
"""
import json
import os
import sys
import threading
import time

import paho.mqtt.client as mqtt

host, port, spec = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
out = []
lock = threading.Lock()
connacked = threading.Event()
subacks = {}
pending = {}


def say(line):
    with lock:
        print(line, flush=True)


c = mqtt.Client(client_id=spec.get("client_id", ""), protocol=mqtt.MQTTv311)
if "user" in spec:
    c.username_pw_set(spec["user"], spec.get("password"))
if "ca" in spec:
    c.tls_set(ca_certs=spec["ca"])


def on_connect(client, userdata, flags, rc):
    say("connack %d" % rc)
    connacked.set()


def on_subscribe(client, userdata, mid, granted):
    with lock:  # held while subscribe() returns the mid
        print("suback %s %d" % (subacks.get(mid, "?"), granted[0]), flush=True)


def on_publish(client, userdata, mid):
    with lock:
        topic = pending.get(mid)
        if topic is not None:
            print("puback %s" % topic, flush=True)


def on_message(client, userdata, msg):
    say("msg %s %s" % (msg.topic, msg.payload.decode("utf-8", "replace")))


def on_disconnect(client, userdata, rc):
    if connacked.is_set():
        say("closed")


c.on_connect, c.on_subscribe, c.on_publish = on_connect, on_subscribe, on_publish
c.on_message, c.on_disconnect = on_message, on_disconnect
try:
    c.connect(host, port, keepalive=spec.get("keepalive", 60))
except Exception as e:  # a TLS handshake that fails to verify lands here
    say("error %s" % type(e).__name__)
    sys.exit(0)
c.loop_start()
if not connacked.wait(10):
    say("no connack")
    os._exit(0)
time.sleep(0.1)
if not c.is_connected():  # refused: paho's loop would sleep before retrying
    sys.stdout.flush()
    os._exit(0)
for f in spec.get("subscribe", []):
    with lock:
        rc, mid = c.subscribe(f, 1)
        subacks[mid] = f
    time.sleep(0.2)
for topic, payload, qos in spec.get("publish", []):
    with lock:
        info = c.publish(topic, payload, qos)
        if qos:
            pending[info.mid] = topic
    time.sleep(0.2)
time.sleep(spec.get("wait", 0.5 if spec.get("subscribe") or spec.get("publish") else 0))
c.disconnect()
c.loop_stop()
