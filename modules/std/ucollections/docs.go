package ucollections

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of collections (ucollections) and collections.abc,
// for help(), __doc__ and `qstar stubs`.
func init() {
	docs := map[string]string{
		"deque":       "deque(iterable=(), maxlen=None, flag=0)\nA double-ended queue: append, appendleft, pop, popleft, extend, rotate; at most maxlen items (MicroPython's flag 1 raises IndexError when full).",
		"namedtuple":  "namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)\nA tuple subclass whose fields are also attributes (field_names a list or a 'x y' string).",
		"OrderedDict": "OrderedDict(iterable=(), /, **kwargs)\nA dict that remembers insertion order, with move_to_end(key, last=True) and popitem(last=True).",
		"defaultdict": "defaultdict(default_factory=None, /, *args, **kwargs)\nA dict that calls default_factory() for a missing key and stores the result.",
		"Counter":     "Counter(iterable=None, /, **kwds)\nA dict counting hashable items: most_common(n), elements(), update(), subtract().",
	}
	runtime.RegisterDocs("collections", docs)
	runtime.RegisterDocs("ucollections", docs)
	abc := map[string]string{}
	for name, what := range map[string]string{
		"Iterable": "iter() works on", "Container": "`in` works on", "Sized": "len() works on",
		"Collection": "is sized and iterable", "Hashable": "can be a dict key", "Callable": "can be called",
		"Mapping": "is a read-only mapping (dict-like)", "MutableMapping": "is a mapping that takes item assignment",
		"Sequence": "is indexed by position (list, tuple, str)", "MutableSequence": "is a sequence that takes item assignment",
		"Set": "is a set", "MutableSet": "is a mutable set", "Iterator": "is an iterator",
	} {
		abc[name] = name + "\nFor isinstance(x, " + name + "): true for an x that " + what + "."
	}
	runtime.RegisterDocs("collections.abc", abc)
}
