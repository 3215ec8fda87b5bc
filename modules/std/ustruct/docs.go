package ustruct

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of struct (ustruct), for help(), __doc__ and `qstar
// stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"pack":        "pack(format, /, *v)\nThe values v packed as bytes by format ('<' little-endian, 'B' byte, 'H' u16, 'I' u32, 'f' float, 's' bytes...).",
		"unpack":      "unpack(format, buffer, /)\nThe tuple of values in buffer, which must be calcsize(format) bytes.",
		"calcsize":    "calcsize(format, /)\nThe number of bytes format packs to.",
		"pack_into":   "pack_into(format, buffer, offset, /, *v)\nPack v into the writable buffer (a bytearray) at offset.",
		"unpack_from": "unpack_from(format, /, buffer, offset=0)\nThe tuple of values in buffer from offset.",
		"iter_unpack": "iter_unpack(format, buffer, /)\nAn iterator of tuples, one per calcsize(format) bytes of buffer.",
		"Struct":      "Struct(format)\nA compiled format: pack, unpack, pack_into, unpack_from, iter_unpack, size, format.",
		"error":       "error\nRaised for a bad format or a buffer of the wrong size.",
	}
	runtime.RegisterDocs("struct", docs)
	runtime.RegisterDocs("ustruct", docs)
}
