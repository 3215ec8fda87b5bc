// Package pystd gives scripts small CPython modules that ordinary
// programs import: typing (names for annotations), string (constants),
// bisect and copy.
package pystd
