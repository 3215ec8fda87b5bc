// Package scripts holds device-style Python scripts that use several
// standard modules together; its test runs each one in qstar and in
// CPython and requires the same output.
package scripts
