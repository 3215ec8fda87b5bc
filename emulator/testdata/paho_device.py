# A device made of Debian's paho-mqtt, for the emulator's tests: connects,
# subscribes, publishes, answers commands as the platform's device SDK
# would, and prints one line per event on stdout:
#   connected RC | subscribed | msg TOPIC PAYLOAD
import argparse
import sys

import paho.mqtt.client as mqtt

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1")
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--id", required=True)
ap.add_argument("--user", default=None)
ap.add_argument("--password", default=None)
ap.add_argument("--sub", action="append", default=[])
ap.add_argument("--pub", nargs=2, action="append", default=[], metavar=("TOPIC", "PAYLOAD"))
ap.add_argument("--answer", choices=["huawei", "onenet"], default=None)
ap.add_argument("--reply", default="done", help="the command response's text")
args = ap.parse_args()


def say(*words):
    print(*words, flush=True)


def on_connect(client, userdata, flags, rc):
    say("connected", rc)
    if rc != 0:
        client.disconnect()
        return
    if args.sub:
        client.subscribe([(f, 0) for f in args.sub])
    else:
        on_subscribe(client, None, 0, None)


def on_subscribe(client, userdata, mid, granted):
    say("subscribed")
    for topic, payload in args.pub:
        client.publish(topic, payload, qos=1)


def on_message(client, userdata, m):
    say("msg", m.topic, m.payload.decode("utf-8", "replace"))
    if args.answer == "huawei" and "/sys/commands/request_id=" in m.topic:
        rid = m.topic.split("request_id=")[1]
        client.publish("$oc/devices/%s/sys/commands/response/request_id=%s" % (args.user, rid),
                       '{"result_code": 0, "response_name": "%s", "paras": {"seen": true}}' % args.reply)
    if args.answer == "onenet" and "/cmd/request/" in m.topic:
        client.publish(m.topic.replace("/cmd/request/", "/cmd/response/"), args.reply + ":" + m.payload.decode())


c = mqtt.Client(client_id=args.id, protocol=mqtt.MQTTv311)
if args.user is not None:
    c.username_pw_set(args.user, args.password)
c.on_connect, c.on_subscribe, c.on_message = on_connect, on_subscribe, on_message
c.connect(args.host, args.port, keepalive=30)
try:
    c.loop_forever()
except KeyboardInterrupt:
    sys.exit(0)
