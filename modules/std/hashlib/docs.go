package hashlib

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of hashlib (uhashlib) and hmac, for help(), __doc__
// and `qstar stubs`; TestDocsMatchBinders keeps them honest.
func init() {
	docs := map[string]string{
		"new":                   "new(name, data=b'', *, usedforsecurity=True)\nA hash object for the algorithm called name ('md5', 'sha1', 'sha256', ...), fed data.",
		"algorithms_available":  "algorithms_available\nThe set of algorithm names new() takes.",
		"algorithms_guaranteed": "algorithms_guaranteed\nThe same set: every algorithm here is always present.",
	}
	for name, bits := range map[string]string{"md5": "128", "sha1": "160", "sha224": "224", "sha256": "256", "sha384": "384", "sha512": "512"} {
		docs[name] = name + "(data=b'', *, usedforsecurity=True)\nA " + name + " hash object (" + bits +
			"-bit digest) fed data: update(data), digest(), hexdigest(), copy()."
	}
	runtime.RegisterDocs("hashlib", docs)
	runtime.RegisterDocs("uhashlib", docs)
	runtime.RegisterDocs("hmac", map[string]string{
		"new":            "new(key, msg=None, digestmod=None)\nAn HMAC object keyed with key over digestmod (a name such as 'sha256' or a hashlib constructor; required), fed msg.",
		"digest":         "digest(key, msg, digest)\nThe HMAC of msg under key with the hash digest, as bytes, in one call.",
		"compare_digest": "compare_digest(a, b, /)\nTrue when a == b, compared in constant time (str or bytes).",
	})
}
