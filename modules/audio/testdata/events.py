# Audio and TTS share one queue: events come in order, a higher priority
# interrupts a play that allows break-in, a full group refuses. Callbacks
# log; the script prints the log at points where it is settled.
import audio
import utime

log = []

def on_audio(event):
    log.append(('audio', event))

def on_tts(event):
    log.append(('tts', event))

def wait_for(entry, count=1):
    while log.count(entry) < count:
        utime.sleep_ms(5)

def show():
    global log
    print('events', log)
    log = []

aud = audio.Audio(0)
tts = audio.TTS(0)
print('callbacks', aud.setCallback(on_audio), tts.setCallback(on_tts), aud.setCallback(1))
print('volume', aud.getVolume(), aud.setVolume(12), aud.setVolume(9), aud.getVolume())
print('speed', tts.getSpeed(), tts.setSpeed(9), tts.getSpeed())

# 1: the file plays, the speech of the same priority waits its turn.
print('play', aud.play(1, 0, 'U:/beep.wav'), 'say', tts.play(1, 0, 2, 'hello'))
wait_for(('tts', 4))
show()

# 2: a higher priority speech interrupts a file that allows break-in.
print('play', aud.play(1, 1, '/usr/beep.wav'))
wait_for(('audio', 0))
print('say now', tts.play(3, 0, 2, 'urgent'), 'speaking', tts.getState())
wait_for(('tts', 4))
show()
print('idle', tts.getState())

# 3: ten wait in a group, the eleventh is refused; stopAll empties it.
print('play', aud.play(0, 0, 'U:/beep.wav'))
wait_for(('audio', 0))
print('queued', [aud.play(0, 0, 'U:/beep.wav') for i in range(10)], 'full', aud.play(0, 0, 'U:/beep.wav'))
print('stopAll', aud.stopAll())
print('missing', aud.play(1, 0, 'U:/none.mp3'), 'bad priority', aud.play(5, 0, 'U:/beep.wav'))

# 4: stop() ends the file (no 7), the queue goes on; TTS reports its stop as 3.
print('play', aud.play(2, 0, 'U:/beep.wav'), 'say', tts.play(1, 0, 2, 'next'))
wait_for(('audio', 0), 2)
print('stop', aud.stop())
wait_for(('tts', 4))
print('say', tts.play(2, 0, 2, 'a long sentence that is stopped'))
wait_for(('tts', 2), 2)
print('stop', tts.stop())
wait_for(('tts', 3))
show()
