// Package pylib is the Python semantics that code translated by
// runtime/pycompat calls at run time: format specs and % (format.go,
// percent.go), classes and dunders (class.go, descriptors.go), exceptions
// and try (try.go), generators (generator.go) and the iterator protocol
// (iter.go), bytearray, the str/bytes method shims (shims.go) and the
// builtins Starlark lacks (builtins.go). The translator only emits calls to
// the names Builtins returns.
package pylib
