// Package pyfunc gives scripts CPython's functools, operator, heapq and
// itertools: small pure modules that tutorials and exercises import.
package pyfunc
