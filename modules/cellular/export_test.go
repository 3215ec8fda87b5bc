package cellular

import "time"

// SetVoicePoll shortens how often voiceCall looks at the calls, for a test.
func SetVoicePoll(d time.Duration) (restore func()) {
	old := voicePoll
	voicePoll = d
	return func() { voicePoll = old }
}
