package pyfunc

import "github.com/qstar-dev/qstar/runtime"

// Signatures and docs of functools, itertools, heapq and operator, for
// help(), __doc__ and `qstar stubs`; TestDocsMatchBinders keeps them
// honest.
func init() {
	runtime.RegisterDocs("functools", map[string]string{
		"reduce":         "reduce(function, iterable, initial=None, /)\nFold iterable from the left with function(acc, item), starting from initial or the first item.",
		"partial":        "partial(func, /, *args, **keywords)\nA callable that calls func with args and keywords before the ones it is given.",
		"wraps":          "wraps(wrapped, /)\nDecorator: give the wrapper wrapped's __name__, __doc__, __module__ and __wrapped__.",
		"update_wrapper": "update_wrapper(wrapper, wrapped, /)\nCopy wrapped's __name__, __doc__, __module__ and __wrapped__ onto wrapper; the wrapper.",
		"lru_cache":      "lru_cache(maxsize=128, typed=False)\nDecorator: remember the results of the last maxsize calls (None: all), by argument.",
		"cache":          "cache(user_function, /)\nDecorator: remember every result, by argument (lru_cache(maxsize=None)).",
		"cmp_to_key":     "cmp_to_key(mycmp, /)\nA key function for sorted() from an old-style cmp(a, b) returning <0, 0 or >0.",
		"total_ordering": "total_ordering(cls, /)\nClass decorator: the missing rich comparisons from __eq__ and one of __lt__, __le__, __gt__, __ge__.",
	})
	runtime.RegisterDocs("itertools", map[string]string{
		"count":                         "count(start=0, step=1)\nstart, start+step, start+2*step, ... without end.",
		"cycle":                         "cycle(iterable, /)\nThe items of iterable over and over.",
		"repeat":                        "repeat(object, times=None)\nobject, times times or without end.",
		"accumulate":                    "accumulate(iterable, func=None, *, initial=None)\nRunning totals (or running func(acc, item)), from initial when given.",
		"chain":                         "chain(*iterables)\nThe items of each iterable in turn; chain.from_iterable(iterables) takes them from one iterable.",
		"compress":                      "compress(data, selectors)\nThe items of data whose selector is true.",
		"dropwhile":                     "dropwhile(predicate, iterable, /)\nThe items of iterable from the first one predicate is false for.",
		"takewhile":                     "takewhile(predicate, iterable, /)\nThe items of iterable while predicate is true for them.",
		"filterfalse":                   "filterfalse(function, iterable, /)\nThe items function is false for (the false items when function is None).",
		"groupby":                       "groupby(iterable, key=None)\n(key, group iterator) for each run of consecutive items with the same key.",
		"islice":                        "islice(iterable, start, stop=None, step=None, /)\nThe items of iterable[start:stop:step]; islice(iterable, stop) from the start.",
		"pairwise":                      "pairwise(iterable, /)\nOverlapping pairs (a, b), (b, c), ... of consecutive items.",
		"starmap":                       "starmap(function, iterable, /)\nfunction(*args) for each args tuple of iterable.",
		"tee":                           "tee(iterable, n=2, /)\nn independent iterators over iterable.",
		"zip_longest":                   "zip_longest(*iterables, fillvalue=None)\nTuples of the i-th items of each iterable, filling the shorter ones with fillvalue.",
		"product":                       "product(*iterables, repeat=1)\nThe Cartesian product: tuples of one item from each iterable (the iterables repeat times).",
		"permutations":                  "permutations(iterable, r=None)\nEvery ordering of r items (all of them by default) as tuples.",
		"combinations":                  "combinations(iterable, r)\nEvery choice of r items, in the iterable's order, as tuples.",
		"combinations_with_replacement": "combinations_with_replacement(iterable, r)\nAs combinations, an item may be chosen more than once.",
	})
	runtime.RegisterDocs("heapq", map[string]string{
		"heappush":    "heappush(heap, item, /)\nPush item onto the list heap, keeping it a min-heap.",
		"heappop":     "heappop(heap, /)\nPop and return the smallest item of heap; IndexError when it is empty.",
		"heapify":     "heapify(x, /)\nMake the list x a min-heap, in place.",
		"heappushpop": "heappushpop(heap, item, /)\nPush item, then pop and return the smallest (faster than the two calls).",
		"heapreplace": "heapreplace(heap, item, /)\nPop and return the smallest, then push item.",
		"nlargest":    "nlargest(n, iterable, key=None)\nThe n largest items, largest first.",
		"nsmallest":   "nsmallest(n, iterable, key=None)\nThe n smallest items, smallest first.",
	})
	operator := map[string]string{
		"itemgetter":   "itemgetter(item, /, *items)\nA callable returning obj[item] (a tuple of obj[i] for several items).",
		"attrgetter":   "attrgetter(attr, /, *attrs)\nA callable returning obj.attr (dotted names follow attributes; a tuple for several).",
		"methodcaller": "methodcaller(name, /, *args, **kwargs)\nA callable returning obj.name(*args, **kwargs).",
		"getitem":      "getitem(a, b, /)\na[b].",
		"contains":     "contains(a, b, /)\nb in a.",
		"concat":       "concat(a, b, /)\na + b for sequences.",
		"neg":          "neg(a, /)\n-a.",
		"pos":          "pos(a, /)\n+a.",
		"not_":         "not_(a, /)\nnot a.",
		"truth":        "truth(a, /)\nTrue when a is true, as bool(a).",
		"invert":       "invert(a, /)\n~a.",
	}
	for name, op := range map[string]string{"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%",
		"and_": "&", "or_": "|", "xor": "^", "lshift": "<<", "rshift": ">>", "lt": "<", "le": "<=", "gt": ">", "ge": ">=", "eq": "==", "ne": "!="} {
		operator[name] = name + "(a, b, /)\na " + op + " b."
	}
	runtime.RegisterDocs("operator", operator)
}
