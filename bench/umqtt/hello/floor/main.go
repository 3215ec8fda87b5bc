// Command floor is the start-up floor: connect with no MQTT library,
// publish one QoS 1 message, print hello, then wait to be killed.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/qstar-dev/qstar/bench/umqtt/raw"
)

func main() {
	c, err := raw.Dial(os.Args[1], "bench-hello-floor")
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Publish("bench/hello", []byte("hello"), 1); err != nil {
		log.Fatal(err)
	}
	fmt.Println("hello")
	time.Sleep(time.Hour) // the bench reads RSS, then kills
}
