# A CPython-style program using the standard modules together.
import re, struct, random, io, queue, logging, collections
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple

text = """The quick brown fox jumps over the lazy dog. The dog sleeps.
Contact: alice@example.com, bob.smith@mail.org; phone +1-555-0100."""
words = re.findall(r"[a-z']+", text.lower())
freq = Counter(words)
print(freq.most_common(3))
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
emails = re.findall(r'[\w.+-]+@[\w-]+\.\w+', text)
print(emails)
print(re.sub(r'(?P<user>[\w.]+)@(?P<dom>[\w.]+)', r'<\g<user> at \g<dom>>', text.splitlines()[1]))
print(re.split(r'[.;,]\s*', 'a. b; c, d'))
m = re.search(r'\+(\d)-(\d{3})-(\d{4})', text)
print(m.groups(), m.group(0), m.start(), m.end(2))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(dict(by_len))
Pt = namedtuple('Pt', 'x y')
pts = [Pt(3, 4), Pt(1, 2), Pt(3, 1)]
print(sorted(pts), max(pts, key=lambda p: p.x * p.x + p.y * p.y), [p._asdict() for p in pts[:1]])
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d, list(reversed(d)), sum(d))
od = OrderedDict(sorted({'b': 2, 'a': 1, 'c': 3}.items()))
od.move_to_end('a')
print(od, list(od.keys()))
packed = struct.pack('>HIf', 513, 70000, 1.25)
print(packed.hex(), struct.unpack('>HIf', packed), struct.calcsize('>HIf'))
random.seed(12345)
deck = [r + s for r in 'A23456789TJQK' for s in 'shdc']
random.shuffle(deck)
print(deck[:5], random.sample(deck, 3), random.randint(1, 100), round(random.random(), 6))
buf = io.StringIO()
for p in pts:
    buf.write('%d,%d\n' % p)
print(repr(buf.getvalue()), buf.getvalue().count('\n'))
q = queue.PriorityQueue()
for job in [(2, 'write'), (1, 'read'), (3, 'close')]:
    q.put(job)
order = []
while not q.empty():
    order.append(q.get()[1])
print(order)
c1, c2 = Counter('aabbbc'), Counter('abd')
print(c1 + c2, c1 - c2, (c1 + c2).most_common(1))
print(re.findall(r'(\d+)(?:px|em)', '10px 2em 3pt'), re.fullmatch(r'[A-Z]{2}\d{4}', 'AB1234') is not None)
print(re.sub(r'\s+', ' ', '  a \n b\t\tc  ').strip(), re.escape('1+1=2?'))
