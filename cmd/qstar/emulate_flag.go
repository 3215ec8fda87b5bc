package main

// emulateFlag is --emulate (an in-process local cloud) or
// --emulate=HOST:PORT (the one a `qstar emulate` serves there, shared by
// several programs).
type emulateFlag struct {
	on     bool
	remote string
}

func (f *emulateFlag) String() string {
	if f.remote != "" {
		return f.remote
	}
	if f.on {
		return "true"
	}
	return ""
}

func (f *emulateFlag) Set(v string) error {
	switch v {
	case "true", "1":
		f.on, f.remote = true, ""
	case "false", "0", "":
		f.on, f.remote = false, ""
	default:
		f.on, f.remote = true, v
	}
	return nil
}

// IsBoolFlag lets --emulate stand alone.
func (f *emulateFlag) IsBoolFlag() bool { return true }
