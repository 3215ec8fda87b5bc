import audio
import utime

rec = audio.Record()
ends = []

def on_end(msg):
    print('record event', msg)
    ends.append(msg)

print('callback', rec.end_callback(on_end))
print('format', rec.start('voice.mp3', 1))
print('start', rec.start('voice.wav', 5), rec.isBusy())
print('busy', rec.start('other.wav', 1))
while not ends:
    utime.sleep_ms(5)
utime.sleep_ms(300)
print('stop', rec.stop())
while len(ends) < 2:
    utime.sleep_ms(10)
n = ends[1][1]
print('idle', rec.isBusy(), rec.exists('voice.wav'), rec.getFilePath('voice.wav'))
print('size', rec.getSize('voice.wav') == n + 44, n > 0 and n % 2 == 0)
print('data', rec.getData('voice.wav', 0, 4), rec.getData('voice.wav', 0, 20 * 1024), rec.getData('voice.wav', n, 45))
with open('/usr/voice.wav', 'rb') as f:
    print('file', f.read(4))
aud = audio.Audio(0)
print('replay', aud.play(0, 0, rec.getFilePath('voice.wav')))
print('delete', rec.Delete('voice.wav'), rec.exists('voice.wav'), rec.getFilePath('voice.wav'), rec.getSize('voice.wav'))
