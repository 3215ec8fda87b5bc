package usocket

import (
	"sync"

	"github.com/qstar-dev/qstar/runtime"
)

// registry holds an interpreter's open sockets, closed when it shuts down.
type registry struct {
	mu   sync.Mutex
	open map[*Socket]bool
}

var registries sync.Map // *runtime.Env -> *registry

func registryOf(env *runtime.Env) *registry {
	if v, ok := registries.Load(env); ok {
		return v.(*registry)
	}
	v, loaded := registries.LoadOrStore(env, &registry{open: map[*Socket]bool{}})
	r := v.(*registry)
	if !loaded {
		env.OnClose(func() {
			registries.Delete(env)
			r.mu.Lock()
			socks := make([]*Socket, 0, len(r.open))
			for s := range r.open {
				socks = append(socks, s)
			}
			r.mu.Unlock()
			for _, s := range socks {
				s.close()
			}
		})
	}
	return r
}

func (r *registry) add(s *Socket) {
	r.mu.Lock()
	r.open[s] = true
	r.mu.Unlock()
}

func (r *registry) remove(s *Socket) {
	r.mu.Lock()
	delete(r.open, s)
	r.mu.Unlock()
}
