package exc

import "strings"

// CPython 3.11 ends a NameError's or AttributeError's traceback line with
// "Did you mean: 'name'?" when a candidate is close enough (the
// algorithm of Python/suggestions.c: a Levenshtein distance where a case
// change costs 1 and any other edit 2, at most a third of the characters
// involved, the first closest candidate in the list winning).

const (
	suggestMaxItems = 750
	suggestMaxLen   = 40
	moveCost        = 2
	caseCost        = 1
)

// Suggest returns the candidate CPython would suggest for name, or "".
func Suggest(name string, candidates []string) string {
	if len(candidates) >= suggestMaxItems {
		return ""
	}
	best, bestDist := "", int(^uint(0)>>1)
	for _, c := range candidates {
		if c == name {
			continue
		}
		maxDist := min((len(name)+len(c)+3)*moveCost/6, bestDist-1)
		if d := editDistance(name, c, maxDist); d <= maxDist && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	if strings.EqualFold(string(a), string(b)) {
		return caseCost
	}
	return moveCost
}

// editDistance is the distance between a and b, or maxCost+1 when it is
// larger (computed on bytes, as CPython does on UTF-8).
func editDistance(a, b string, maxCost int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > suggestMaxLen || len(b) > suggestMaxLen {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	row := make([]int, len(a))
	for i := range row {
		row[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		distance := bi * moveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for ai := 0; ai < len(a); ai++ {
			substitute := distance + substitutionCost(b[bi], a[ai])
			distance = row[ai]
			result = min(min(result, distance)+moveCost, substitute)
			row[ai] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// BuiltinNames are CPython 3.11's builtins in their module order (the
// last candidates for a NameError).
var BuiltinNames = strings.Fields(`__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__
abs all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals
hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print
repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes
classmethod complex dict enumerate filter float frozenset property int list map object range reversed set
slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception
GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError
EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError
StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError
OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning
ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning
UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError
InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError
IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError
UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError
ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup
EnvironmentError IOError open quit exit copyright credits license help`)

// TracebackLine is e's line in a traceback: e.Error() and, for an error
// that offers one, CPython's ". Did you mean: 'x'?".
func (e *Error) TracebackLine() string {
	if e.Suggest != nil {
		if s := e.Suggest(); s != "" {
			return e.Error() + ". Did you mean: '" + s + "'?"
		}
	}
	return e.Error()
}
