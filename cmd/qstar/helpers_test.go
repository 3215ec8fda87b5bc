package main

import "github.com/qstar-dev/qstar/runtime"

func moduleRegistered(name string) bool {
	_, ok := runtime.Lookup(name)
	return ok
}
