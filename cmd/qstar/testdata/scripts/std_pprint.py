import pprint
data = {"name": "gateway-01", "sensors": [{"id": i, "type": "temp", "values": list(range(i * 3, i * 3 + 6))} for i in range(4)],
        "config": {"interval": 30, "server": "mqtt.example.com", "port": 1883, "tls": False, "topics": ["a/b/c", "d/e/f", "g/h/i"]},
        "tags": {30, 10, 20}, "pair": (1, "two"), "one": (1,), "empty": {}, "nested": [[1, 2], [3, [4, [5, [6]]]]]}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), width=30, compact=True)
print(pprint.pformat({"b": 1, "a": 2}))
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
pprint.pprint(data, depth=2)
s = "The quick brown fox jumps over the lazy dog. " * 4
pprint.pprint(s)
pprint.pprint({"text": s, "n": 1})
pprint.pprint([frozenset({3, 1, 2}), set(), (), []])
pprint.pprint([("x" * 30, "y" * 30, "z" * 30)] * 2)
print(pprint.saferepr({"z": 1, "a": [1, 2]}), pprint.isreadable([1, 2]))
pprint.pp({"b": 1, "a": 2})
