# Audio and TTS share one queue: events come in order, a higher priority
# interrupts a play that allows break-in, a full group refuses.
import audio
import utime

done = []

def on_audio(event):
    print('audio event', event)
    if event == 7:
        done.append('audio')

def on_tts(event):
    print('tts event', event)
    if event in (3, 4):
        done.append('tts')

def wait(n):
    while len(done) < n:
        utime.sleep_ms(10)

aud = audio.Audio(0)
tts = audio.TTS(0)
print('callbacks', aud.setCallback(on_audio), tts.setCallback(on_tts), aud.setCallback(1))
print('volume', aud.getVolume(), aud.setVolume(12), aud.setVolume(9), aud.getVolume())
print('speed', tts.getSpeed(), tts.setSpeed(9), tts.getSpeed())

# 1: the file plays, the speech of the same priority waits its turn.
print('play', aud.play(1, 0, 'U:/beep.wav'))
print('say', tts.play(1, 0, 2, 'hello'))
wait(2)

# 2: a higher priority speech interrupts a file that allows break-in.
print('play', aud.play(1, 1, '/usr/beep.wav'))
utime.sleep_ms(50)
print('say now', tts.play(3, 0, 2, 'urgent'))
print('speaking', tts.getState())
wait(3)
print('idle', tts.getState())

# 3: ten wait in a group, the eleventh is refused; stopAll empties it.
print('play', aud.play(0, 0, 'U:/beep.wav'))
print('queued', [aud.play(0, 0, 'U:/beep.wav') for i in range(10)])
print('full', aud.play(0, 0, 'U:/beep.wav'))
print('stopAll', aud.stopAll())
print('missing', aud.play(1, 0, 'U:/none.mp3'), 'bad priority', aud.play(5, 0, 'U:/beep.wav'))
