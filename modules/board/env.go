package board

import (
	"fmt"
	"sync"

	"github.com/qstar-dev/qstar/runtime"
)

// holder is one interpreter's board, opened on first use.
type holder struct {
	mu    sync.Mutex
	board Board
}

var (
	holdersMu sync.Mutex
	holders   = map[*runtime.Env]*holder{}
)

func holderOf(env *runtime.Env) *holder {
	holdersMu.Lock()
	defer holdersMu.Unlock()
	if h := holders[env]; h != nil {
		return h
	}
	h := &holder{}
	holders[env] = h
	env.OnClose(func() {
		holdersMu.Lock()
		delete(holders, env)
		holdersMu.Unlock()
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.board != nil {
			_ = h.board.Close()
			h.board = nil
		}
	})
	return h
}

// For returns env's board, opening the one its "board" setting names
// (Env.Config or QSTAR_BOARD) on first use.
func For(env *runtime.Env) (Board, error) {
	h := holderOf(env)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.board != nil {
		return h.board, nil
	}
	b, err := Open(env.Setting("board"))
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	h.board = b
	return b, nil
}

// Set makes env's scripts use b (tests, or a host with its own board).
// Call it before the script's first use of the hardware.
func Set(env *runtime.Env, b Board) {
	h := holderOf(env)
	h.mu.Lock()
	h.board = b
	h.mu.Unlock()
}
