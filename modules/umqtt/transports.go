package umqtt

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// transportEnv picks the transport for the clients a process makes.
const transportEnv = "QSTAR_UMQTT_TRANSPORT"

// transports are the link implementations by name: lean (lean.go) and
// paho.mqtt.golang (paho.go).
var transports = map[string]func(transportConfig, linkEvents) transport{
	"lean": func(cfg transportConfig, ev linkEvents) transport { return newLeanTransport(cfg, ev) },
	"paho": func(cfg transportConfig, ev linkEvents) transport { return newPahoTransport(cfg, ev) },
}

// defaultTransport is used when QSTAR_UMQTT_TRANSPORT is unset: lean
// passes the whole suite on both transports and beats paho on every
// column of bench/umqtt.
var defaultTransport = "lean"

// transportNamed returns the constructor for name ("" is the default).
func transportNamed(name string) (func(transportConfig, linkEvents) transport, error) {
	if name == "" {
		name = defaultTransport
	}
	if f, ok := transports[name]; ok {
		return f, nil
	}
	names := make([]string, 0, len(transports))
	for n := range transports {
		names = append(names, n)
	}
	sort.Strings(names)
	return nil, fmt.Errorf("%s=%q: want one of %s", transportEnv, name, strings.Join(names, ", "))
}

// checkTransportEnv fails on a QSTAR_UMQTT_TRANSPORT that names no
// transport.
func checkTransportEnv() error {
	_, err := transportNamed(os.Getenv(transportEnv))
	return err
}

// chosenTransport makes the transport QSTAR_UMQTT_TRANSPORT names; an
// unknown name falls back to the default (the client has no way to fail
// here; newClient checks the variable first).
func chosenTransport(cfg transportConfig, ev linkEvents) transport {
	f, err := transportNamed(os.Getenv(transportEnv))
	if err != nil {
		f, _ = transportNamed("")
	}
	return f(cfg, ev)
}
