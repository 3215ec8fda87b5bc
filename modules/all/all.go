// Package all links every qstar module into a binary. Importing it
// registers the whole plugin set; a custom binary can import a subset, or
// add its own module packages beside this one.
package all
