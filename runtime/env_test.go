package runtime

import (
	"slices"
	"testing"
)

// Closers run newest first, once; a removed closer never runs and no
// longer counts, so objects a script closes are not kept until exit.
func TestClosersRemoveAndOrder(t *testing.T) {
	env := NewEnv()
	var ran []int
	env.OnClose(func() { ran = append(ran, 1) })
	remove := env.OnClose(func() { ran = append(ran, 2) })
	env.OnClose(func() { ran = append(ran, 3) })
	for i := 0; i < 1000; i++ {
		env.OnClose(func() { t.Error("a removed closer ran") })()
	}
	if n := env.Closers(); n != 3 {
		t.Fatalf("Closers() = %d after removing 1000, want 3", n)
	}
	remove()
	remove() // twice is harmless
	if n := env.Closers(); n != 2 {
		t.Fatalf("Closers() = %d, want 2", n)
	}
	env.Close()
	env.Close()
	if !slices.Equal(ran, []int{3, 1}) {
		t.Errorf("closers ran %v, want [3 1]", ran)
	}
	remove() // after Close: nothing to do
}
