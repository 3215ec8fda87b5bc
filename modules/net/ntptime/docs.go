package ntptime

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of QuecPython's ntptime, for help(), __doc__ and
// `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	runtime.RegisterDocs("ntptime", map[string]string{
		"host":    "host\nThe NTP server time() asks first, 'ntp.aliyun.com' until sethost changes it.",
		"sethost": "sethost(ntp_host=None)\nSet the NTP server; 0, or -1 when ntp_host is None.",
		"time":    "time(use_rhost=1, timeout=10)\nSeconds since 2000-01-01 UTC from the server (then the fallback servers when use_rhost is 1); OSError when none answers.",
		"settime": "settime(timezone=0, use_rhost=1, timeout=10)\nSet the RTC utime reads from NTP time in the given time zone (hours); 0, or -1 on failure or a bad argument.",
	})
}
