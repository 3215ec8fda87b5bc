import fota
import sys
import ujson

base = sys.argv[1]
reports = []

def progress(args):
    reports.append((args[0], args[1]))

up = fota(reset_disable=1)  # the module is the type, as on the firmware
print('download', up.httpDownload(url1=base + '/image.bin', callback=progress))
print('last', reports[-1], 'steps', len(reports) > 2, 'rising', [r[1] for r in reports] == sorted(r[1] for r in reports))
rec = ujson.load(open('/usr/.fota/pending.json'))
print('pending', rec['source'] == base + '/image.bin', rec['size'], rec['sha256'][:16])

reports = []
print('missing', up.httpDownload(url1=base + '/none.bin', callback=progress), reports)
print('no url', up.httpDownload(), 'cancel idle', up.download_cancel())

local = fota.fota(1)
data = open('/usr/local.bin', 'rb').read()
for i in range(0, len(data), 1000):
    if local.write(data[i:i + 1000], len(data)) != 0:
        print('write failed')
print('flush', local.flush(), 'verify', local.verify(), 'again', local.verify())
rec = ujson.load(open('/usr/.fota/pending.json'))
print('pending', rec['source'], rec['size'])
short = fota.fota(1)
print('short', short.write(b'abc', 10), short.verify(), 'too long', fota.fota(1).write(b'abcdef', 3))
