package uio

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of io (uio), for help(), __doc__ and `qstar stubs`.
func init() {
	docs := map[string]string{
		"StringIO": "StringIO(initial_value='', newline='\\n')\nAn in-memory text stream: read, readline, write, seek, tell, getvalue.",
		"BytesIO":  "BytesIO(initial_bytes=b'')\nAn in-memory bytes stream: read, readinto, write, seek, tell, getvalue.",
		"open":     "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)\nThe builtin open(): a file of the device filesystem.",
		"FileIO":   "FileIO(file, mode='r')\nopen(file, mode + 'b'): a file of the device filesystem in binary mode.",
	}
	for _, name := range fileTypes {
		docs[name] = name + "\nThe class of files open() makes, for isinstance; make one with open()."
	}
	docs["IOBase"] = "IOBase\nThe base class of every stream (files, sys.stdout, StringIO, BytesIO), for isinstance."
	docs["TextIOBase"] = "TextIOBase\nThe base class of text streams (text files, sys.stdout, StringIO), for isinstance."
	runtime.RegisterDocs("io", docs)
	runtime.RegisterDocs("uio", docs)
}
