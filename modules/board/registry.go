package board

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Backend is one kind of board in the registry.
type Backend struct {
	Kind  string // the name before ':' in a spec
	Usage string // e.g. "sim[:profile.json]", shown in errors
	// Open builds the board; arg is the text after ':' ("" if none). It
	// should validate arg fully, so Check catches mistakes at start.
	Open func(arg string) (Board, error)
	// Check validates arg without touching hardware; nil means Open then Close.
	Check func(arg string) error
}

var (
	registryMu sync.Mutex
	backends   = map[string]Backend{}
)

// Register adds a backend; it panics on a duplicate kind (a programming
// error that must fail at start-up).
func Register(b Backend) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if b.Kind == "" || b.Open == nil {
		panic("board.Register: a backend needs a Kind and an Open func")
	}
	if _, dup := backends[b.Kind]; dup {
		panic(fmt.Sprintf("board.Register: backend %q registered twice", b.Kind))
	}
	backends[b.Kind] = b
}

func lookup(spec string) (Backend, string, error) {
	kind, arg, _ := strings.Cut(spec, ":")
	if kind == "" {
		kind = "sim"
	}
	registryMu.Lock()
	b, ok := backends[kind]
	registryMu.Unlock()
	if !ok {
		return Backend{}, "", fmt.Errorf("board %q: unknown kind %q; want %s", spec, kind, usages())
	}
	return b, arg, nil
}

func usages() string {
	registryMu.Lock()
	defer registryMu.Unlock()
	var u []string
	for _, b := range backends {
		u = append(u, b.Usage)
	}
	sort.Strings(u)
	return strings.Join(u, " or ")
}

// Open builds the board a --board / QSTAR_BOARD spec names.
func Open(spec string) (Board, error) {
	b, arg, err := lookup(spec)
	if err != nil {
		return nil, err
	}
	return b.Open(arg)
}

// Check validates spec (kind, profile file, JSON) without keeping
// anything open, for a clear error before a script runs.
func Check(spec string) error {
	b, arg, err := lookup(spec)
	if err != nil {
		return err
	}
	if b.Check != nil {
		return b.Check(arg)
	}
	bd, err := b.Open(arg)
	if err != nil {
		return err
	}
	return bd.Close()
}
