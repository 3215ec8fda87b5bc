package umqtt

import (
	"log"
	"os"

	paho "github.com/eclipse/paho.mqtt.golang"
)

// UMQTT_PAHO_DEBUG=1 shows paho's own trace while debugging a test.
func init() {
	if os.Getenv("UMQTT_PAHO_DEBUG") != "" {
		l := log.New(os.Stderr, "paho ", log.Lmicroseconds)
		paho.DEBUG, paho.WARN, paho.ERROR, paho.CRITICAL = l, l, l, l
	}
}
