package runtime

// Shared returns the value modules of one interpreter share under key,
// made by make on first use: two modules that must hand scripts the same
// objects (a package and its exceptions submodule) meet here.
func (e *Env) Shared(key string, make func() any) any {
	e.sharedMu.Lock()
	defer e.sharedMu.Unlock()
	if v, ok := e.shared[key]; ok {
		return v
	}
	if e.shared == nil {
		e.shared = map[string]any{}
	}
	v := make()
	e.shared[key] = v
	return v
}
