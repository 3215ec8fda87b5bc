// Package pysrc holds standard modules written in Python: they run through
// qstar's Python front end on first import, as a user's module would.
package pysrc

import (
	_ "embed"

	"github.com/qstar-dev/qstar/runtime"
)

var (
	//go:embed threading.py
	threadingSource string
	//go:embed warnings.py
	warningsSource string
	//go:embed pprint.py
	pprintSource string
	//go:embed unittest.py
	unittestSource string
	//go:embed uuid.py
	uuidSource string
	//go:embed shlex.py
	shlexSource string
	//go:embed getopt.py
	getoptSource string
	//go:embed weakref.py
	weakrefSource string
	//go:embed platform.py
	platformSource string
	//go:embed calendar.py
	calendarSource string
	//go:embed array.py
	arraySource string
	//go:embed argparse.py
	argparseSource string
	//go:embed pathlib.py
	pathlibSource string
	//go:embed secrets.py
	secretsSource string
	//go:embed html.py
	htmlSource string
	//go:embed timeit.py
	timeitSource string
	//go:embed getpass.py
	getpassSource string
	//go:embed decimal.py
	decimalSource string
	//go:embed gzip.py
	gzipSource string
	//go:embed codecs.py
	codecsSource string
	//go:embed concurrent_futures.py
	futuresSource string
	//go:embed difflib.py
	difflibSource string
)

func init() {
	for _, m := range []runtime.Module{
		{Name: "threading", Doc: "Thread, Lock, RLock, Condition, Event, Semaphore, Barrier, Timer, local (on _thread)", Source: threadingSource},
		{Name: "pprint", Doc: "pprint, pformat, pp, PrettyPrinter: one line when it fits the width, else one item per line", Source: pprintSource},
		{Name: "unittest", Doc: "TestCase and its asserts, skips, TestSuite, TextTestRunner, main() over the main script's TestCase classes", Source: unittestSource},
		{Name: "uuid", Doc: "UUID, uuid1, uuid3, uuid4, uuid5 and the RFC 4122 namespaces", Source: uuidSource},
		{Name: "shlex", Doc: "split a command line as a POSIX shell does, quote, join", Source: shlexSource},
		{Name: "getopt", Doc: "getopt and gnu_getopt: command-line options as C's getopt parses them", Source: getoptSource},
		{Name: "weakref", Doc: "ref, proxy, finalize and the weak containers (references hold their objects here)", Source: weakrefSource},
		{Name: "platform", Doc: "system, machine, node, release, python_version of the gateway", Source: platformSource},
		{Name: "calendar", Doc: "isleap, weekday, monthrange, timegm, month/calendar text layouts, TextCalendar", Source: calendarSource},
		{Name: "array", Doc: "array(typecode, initializer): typed arrays of numbers, tobytes/frombytes", Source: arraySource},
		{Name: "uarray", Doc: "MicroPython's name for array", Source: arraySource},
		{Name: "argparse", Doc: "ArgumentParser: options, positionals, types, defaults, choices, nargs, groups, subcommands, help", Source: argparseSource},
		{Name: "pathlib", Doc: "Path and PurePath: path parts, / joining, and file operations on os", Source: pathlibSource},
		{Name: "secrets", Doc: "token_bytes, token_hex, token_urlsafe, choice, randbelow, compare_digest (the system's random source)", Source: secretsSource},
		{Name: "html", Doc: "escape and unescape HTML text", Source: htmlSource},
		{Name: "timeit", Doc: "timeit, repeat and Timer over a callable or a string of statements", Source: timeitSource},
		{Name: "getpass", Doc: "getpass (a prompt, read from stdin) and getuser", Source: getpassSource},
		{Name: "decimal", Doc: "Decimal: exact decimal arithmetic rounded to the context's precision, quantize, CPython's string forms", Source: decimalSource},
		{Name: "gzip", Doc: "compress, decompress and open gzip data and files (on zlib)", Source: gzipSource},
		{Name: "codecs", Doc: "encode/decode by codec name (text codecs, hex, base64, rot13), lookup, open", Source: codecsSource},
		{Name: "concurrent.futures", Doc: "ThreadPoolExecutor, Future, wait, as_completed (on threading)", Source: futuresSource},
		{Name: "difflib", Doc: "SequenceMatcher, get_close_matches, unified_diff, context_diff", Source: difflibSource},
		{Name: "warnings", Doc: "warn (to stderr, once per message), filterwarnings/simplefilter, catch_warnings", Source: warningsSource},
	} {
		runtime.Register(m)
	}
}
