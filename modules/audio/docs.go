package audio

import (
	"github.com/qstar-dev/qstar/runtime"
	"github.com/qstar-dev/qstar/runtime/pyargs"
)

// sigs bind audio's arguments and document them (help, __doc__, stubs).
var sigs = map[string]*pyargs.Sig{
	"Audio":                    pyargs.NewSig("Audio(device)", "File and stream playback on channel device (0 handset, 1 headset, 2 speaker); sound goes to the audio backend (QSTAR_AUDIO, or the linux board's players), else it is simulated."),
	"Audio.play":               pyargs.NewSig("play(priority, breakin, filename)", "Play a WAV, MP3 or AMR file ('U:/x' is /usr/x) in the queue shared with TTS: 0 playing, 1 queued, -2 its priority group (0..4) has 10 waiting, -1 bad arguments or file. A higher priority interrupts a play with breakin 1. Events 0 (start) and 7 (complete) go to the callback."),
	"Audio.stop":               pyargs.NewSig("stop()", "Stop the file playing (the queue goes on); 0."),
	"Audio.stopAll":            pyargs.NewSig("stopAll()", "Stop what plays and empty the queue (TTS included); 0."),
	"Audio.setCallback":        pyargs.NewSig("setCallback(usrFun)", "usrFun(event) gets 0 when a file starts and 7 when it completes; 0, or -1 when not callable."),
	"Audio.getState":           pyargs.NewSig("getState()", "0: audio is initialised."),
	"Audio.getVolume":          pyargs.NewSig("getVolume()", "The volume, 0..11 (default 7)."),
	"Audio.setVolume":          pyargs.NewSig("setVolume(vol)", "Set the volume 0..11 for later plays; 0, or -1 out of range."),
	"Audio.set_pa":             pyargs.NewSig("set_pa(gpio, num=2)", "Name the amplifier's enable pin; a gateway has none to pulse, so 1 (done)."),
	"Audio.playStream":         pyargs.NewSig("playStream(format, buf)", "Queue a chunk of a stream (2 WAV/PCM, 3 MP3, 4 AMR-NB); chunks play in order, each as long as its audio; 0, or -1 for another format or unreadable data."),
	"Audio.stopPlayStream":     pyargs.NewSig("stopPlayStream()", "Stop the stream and drop its queued chunks; 0."),
	"Audio.aud_tone_play":      pyargs.NewSig("aud_tone_play(tone, time)", "Key tone 0..16 for time ms; 0, or -1 out of range (no tone is sounded)."),
	"Audio.aud_tone_play_stop": pyargs.NewSig("aud_tone_play_stop()", "Stop the key tone; 0."),
	"TTS":                      pyargs.NewSig("TTS(device)", "Text to speech on channel device: espeak-ng with the linux audio backend, else simulated (about 80 ms a character at speed 4)."),
	"TTS.play":                 pyargs.NewSig("play(priority, breakin, mode, str)", "Say str in the queue shared with Audio: 0 playing, 1 queued, -2 group full, -1 bad arguments or empty text. Events 2 (start), 4 (complete), 3 (stopped) go to the callback."),
	"TTS.stop":                 pyargs.NewSig("stop()", "Stop the speech playing; 0."),
	"TTS.stopAll":              pyargs.NewSig("stopAll()", "Stop what plays and empty the queue; 0."),
	"TTS.close":                pyargs.NewSig("close()", "Stop speaking; 0."),
	"TTS.setCallback":          pyargs.NewSig("setCallback(usrFun)", "usrFun(event) gets 2 (start), 3 (stopped), 4 (complete); 0, or -1 when not callable."),
	"TTS.getVolume":            pyargs.NewSig("getVolume()", "The volume, 0..9 (default 4)."),
	"TTS.setVolume":            pyargs.NewSig("setVolume(vol)", "Set the volume 0..9; 0, or -1 out of range."),
	"TTS.getSpeed":             pyargs.NewSig("getSpeed()", "The speed, 0..9 (default 4)."),
	"TTS.setSpeed":             pyargs.NewSig("setSpeed(speed)", "Set the speed 0..9; 0, or -1 out of range."),
	"TTS.getState":             pyargs.NewSig("getState()", "-1 while this TTS is speaking, else 0 (the firmware's values)."),
	"Record":                   pyargs.NewSig("Record(device=0)", "Recording: arecord (8 kHz 16-bit mono WAV) with the linux audio backend; otherwise, or for AMR-NB, silence as long as the recording ran. The 2020 firmwares' Record(file_name, callback=None) is accepted too: the methods then take no file_name and callback is the end_callback."),
	"Record.start":             pyargs.NewSig("start(file_name, seconds)", "Record seconds into file_name (.wav or .amr; a bare name goes in /usr): 0, -2 cannot open, -3 busy, -6 another format, -1 bad seconds. end_callback gets [path, 0, 0] at the start and [path, length, 3] at the end."),
	"Record.stop":              pyargs.NewSig("stop()", "End the recording now (the file keeps what ran); 0."),
	"Record.getFilePath":       pyargs.NewSig("getFilePath(file_name)", "The recording's path, -1 when absent, -2 for an empty name."),
	"Record.getData":           pyargs.NewSig("getData(file_name, offset, size)", "size bytes from offset as a bytearray; -2 absent, -4 recording, -5 past the end, -6 size over 10 KB."),
	"Record.getSize":           pyargs.NewSig("getSize(file_name)", "The file's size with its header; -2 absent, -3 recording, -4 empty name."),
	"Record.Delete":            pyargs.NewSig("Delete(file_name)", "Delete the recording; 0, -1 absent, -2 recording."),
	"Record.exists":            pyargs.NewSig("exists(file_name)", "True when the recording exists."),
	"Record.isBusy":            pyargs.NewSig("isBusy()", "1 while recording, else 0."),
	"Record.end_callback":      pyargs.NewSig("end_callback(cb)", "cb(audio_msg) gets [file_path, audio_len, audio_state] with state 0 start, 3 end, -1 failure; 0, or -1 when not callable."),
	"Record.gain":              pyargs.NewSig("gain(code_gain, dsp_gain)", "Set the uplink gains 0..4 and -36..12; 0, or -1 out of range."),
}

func init() { runtime.RegisterSigs("audio", sigs) }

// legacyRecordSig binds the 2020 firmwares' Record(file_name, callback).
var legacyRecordSig = pyargs.NewSig("Record(file_name, callback=None, /)", "")
