# Logging to a stream, seeded random jitter and an in-memory report.
import logging
import sys
import urandom
import uio
from collections import Counter, defaultdict

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(name)s %(levelname)s %(message)s')
log = logging.getLogger('tracker')
urandom.seed(2024)
delays = [urandom.randint(100, 500) for _ in range(5)]
log.info('retry delays: %s', delays)
log.debug('not shown')
picks = Counter(urandom.choice('ABC') for _ in range(30))
log.warning('most common: %s', picks.most_common(1))

groups = defaultdict(list)
for d in delays:
    groups['slow' if d > 300 else 'fast'].append(d)
report = uio.StringIO()
for name in sorted(groups):
    report.write('%s=%d\n' % (name, len(groups[name])))
report.seek(0)
for line in report:
    log.info('line %r', line.strip())
print(report.getvalue().splitlines(), urandom.random() < 1, round(urandom.uniform(1, 2), 3))
