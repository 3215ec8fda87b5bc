package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	_ "net/http/pprof" // the emulator child's heap and goroutine profiles
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"time"
)

// With -profile DIR, the emulator child serves its Go memory statistics
// and pprof on a debug port; the parent reads them after connecting and
// during the posting loop (keeping the highest), writes heap profiles
// into DIR, and prints where the memory is.
var (
	profileDir string
	withStats  bool   // -stats: the statistics without the profiles (no forced GC)
	debugAddr  string // the emulator child's debug address, set by startEmulator
)

// memStats is what the child reports of runtime.MemStats.
type memStats struct {
	HeapInuse, HeapAlloc, HeapObjects, StackInuse, Sys, NextGC uint64
	Goroutines                                                 int
	NumGC                                                      uint32
	Total                                                      uint64 // HeapInuse + StackInuse
	StackStart                                                 uint64 // a new goroutine's stack (adaptive)
}

func serveDebug(addr string) {
	http.HandleFunc("/memstats", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("gc") != "" { // each GC halves a stack at most once
			runtime.GC()
			runtime.GC()
			runtime.GC()
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		start := []metrics.Sample{{Name: "/gc/stack/starting-size:bytes"}}
		metrics.Read(start)
		json.NewEncoder(w).Encode(memStats{HeapInuse: m.HeapInuse, HeapAlloc: m.HeapAlloc, HeapObjects: m.HeapObjects,
			StackInuse: m.StackInuse, Sys: m.Sys, NextGC: m.NextGC, Goroutines: runtime.NumGoroutine(), NumGC: m.NumGC,
			Total: m.HeapInuse + m.StackInuse, StackStart: start[0].Value.Uint64()})
	})
	go http.ListenAndServe(addr, nil)
}

type probe struct {
	name      string
	n         int
	connected memStats
	settled   memStats // connected, after forced GCs: the floor
	peak      memStats
	after     memStats // after the posting loop, after forced GCs
}

func startProbe(name string, n int) *probe {
	return &probe{name: strings.ReplaceAll(name, " ", "-"), n: n}
}

func (p *probe) active() bool {
	return (profileDir != "" || withStats) && strings.HasPrefix(p.name, "qstar")
}

func (p *probe) stats() memStats { return p.get("") }

// settledStats are the statistics after forced GCs, which shrink stacks.
func (p *probe) settledStats() memStats { return p.get("?gc=1") }

func (p *probe) get(query string) memStats {
	var m memStats
	resp, err := http.Get("http://" + debugAddr + "/memstats" + query)
	if err != nil {
		return m
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body).Decode(&m)
	return m
}

// snapshot records the statistics and a heap profile at a named moment.
func (p *probe) snapshot(when string) {
	if !p.active() {
		return
	}
	m := p.stats()
	if when == "connected" {
		p.connected = m
		p.settled = p.settledStats()
	}
	if profileDir == "" {
		return
	}
	for _, prof := range []string{"heap", "goroutine"} {
		p.save(prof, fmt.Sprintf("%s-%d-%s.%s.pb.gz", p.name, p.n, when, prof))
	}
}

func (p *probe) save(prof, file string) {
	resp, err := http.Get("http://" + debugAddr + "/debug/pprof/" + prof + "?gc=1")
	if err != nil {
		return
	}
	defer resp.Body.Close()
	f, err := os.Create(filepath.Join(profileDir, file))
	if err != nil {
		return
	}
	defer f.Close()
	io.Copy(f, resp.Body)
}

// during waits d, sampling the statistics; a heap profile is taken half way.
func (p *probe) during(d time.Duration) {
	if !p.active() {
		time.Sleep(d)
		return
	}
	end := time.Now().Add(d)
	half := time.Now().Add(d / 2)
	for time.Now().Before(end) {
		if m := p.stats(); m.Total > p.peak.Total {
			p.peak = m
		}
		if !half.IsZero() && time.Now().After(half) {
			p.snapshot("fanin")
			half = time.Time{}
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (p *probe) report() {
	if !p.active() {
		return
	}
	p.after = p.settledStats()
	for _, r := range []struct {
		when string
		m    memStats
	}{{"connected", p.connected}, {"settled", p.settled}, {"peak", p.peak}, {"after", p.after}} {
		m := r.m
		fmt.Fprintf(os.Stderr, "%s n=%d %-9s goroutines %d  stack %s (new: %d B)  heap in use %s (live %s, %d objects)  next GC %s  sys %s  GCs %d\n",
			p.name, p.n, r.when, m.Goroutines, mib(m.StackInuse), m.StackStart, mib(m.HeapInuse), mib(m.HeapAlloc), m.HeapObjects,
			mib(m.NextGC), mib(m.Sys), m.NumGC)
	}
}

func mib(b uint64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
