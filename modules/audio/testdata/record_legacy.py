# The 2020 firmwares' Record(file_name, callback): the methods take no file name.
import audio
import utime

ends = []

def on_record(args):
    print('record event', args[0], args[2])
    ends.append(args)

rec = audio.Record('legacy.wav', on_record)
print('start', rec.start(1), rec.isBusy())
while len(ends) < 2:
    utime.sleep_ms(10)
print('after', rec.isBusy(), rec.exists(), rec.getFilePath())
print('size', rec.getSize() == ends[1][1] + 44, rec.getData(0, 4))
print('delete', rec.Delete(), rec.exists())
try:
    audio.Record('', on_record)
except ValueError as e:
    print('ValueError', e)
