// Command paho is start-up with plain Go paho: connect, publish one QoS 1
// message, print hello, then wait to be killed.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	paho "github.com/eclipse/paho.mqtt.golang"
)

func main() {
	o := paho.NewClientOptions().AddBroker("tcp://" + os.Args[1]).SetClientID("bench-hello-paho")
	c := paho.NewClient(o)
	if tok := c.Connect(); tok.Wait() && tok.Error() != nil {
		log.Fatal(tok.Error())
	}
	if tok := c.Publish("bench/hello", 1, false, "hello"); tok.Wait() && tok.Error() != nil {
		log.Fatal(tok.Error())
	}
	fmt.Println("hello")
	time.Sleep(time.Hour) // the bench reads RSS, then kills
}
