"""unittest: TestCase with the assert methods, skips and expected
failures, setUp/tearDown (and the class-level ones), TestSuite,
TextTestRunner, and main(), which runs the TestCase classes of the main
script and reports as CPython's runner does (on stderr)."""

import re as _re
import sys
import traceback as _traceback
import utime as _utime
import _qstar


class SkipTest(Exception):
    """Raised to skip a test."""


class _ExpectedFailure(Exception):
    pass


class _UnexpectedSuccess(Exception):
    pass


def _safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) > 80:
        text = text[:80] + " [truncated]..."
    return text


_marks = {}  # function or class -> {mark: value}, where attributes cannot be set


def _mark(obj, key, value):
    try:
        setattr(obj, key, value)
    except (AttributeError, TypeError):
        _marks.setdefault(obj, {})[key] = value


def _marked(obj, key):
    try:
        return getattr(obj, key)
    except (AttributeError, TypeError):
        pass
    try:
        return _marks.get(obj, {}).get(key)
    except TypeError:
        return None


def skip(reason):
    def decorator(obj):
        _mark(obj, "__unittest_skip__", True)
        _mark(obj, "__unittest_skip_why__", reason)
        return obj
    if callable(reason) and not isinstance(reason, str):  # @skip without a reason
        func, reason = reason, ""
        return decorator(func)
    return decorator


def skipIf(condition, reason):
    if condition:
        return skip(reason)
    return lambda obj: obj


def skipUnless(condition, reason):
    if not condition:
        return skip(reason)
    return lambda obj: obj


def expectedFailure(func):
    _mark(func, "__unittest_expecting_failure__", True)
    return func


class _RaisesContext:
    def __init__(self, case, expected, regex=None, msg=None):
        self._case = case
        self.expected = expected
        self._regex = regex
        self.msg = msg
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        name = getattr(self.expected, "__name__", None) or str(self.expected)
        if exc_type is None:
            self._case._fail_with("%s not raised" % name, self.msg)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        if self._regex is not None and not _re.search(self._regex, str(exc_value)):
            self._case._fail_with('"%s" does not match "%s"' % (self._regex, str(exc_value)), self.msg)
        return True


class TestCase:
    """A test: its test_* methods run between setUp and tearDown."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 640

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    def id(self):
        return "%s.%s.%s" % (_module_name(type(self)), type(self).__name__, self._testMethodName)

    def __str__(self):
        return "%s (%s)" % (self._testMethodName, self.id())

    def __repr__(self):
        return "<%s.%s testMethod=%s>" % (_module_name(type(self)), type(self).__name__, self._testMethodName)

    def shortDescription(self):
        try:  # not getattr(f, "__doc__", None): a function's dunders need the attribute form here
            doc = getattr(type(self), self._testMethodName).__doc__
        except AttributeError:
            doc = None
        if not doc:
            return None
        return doc.strip().split("\n")[0].strip()

    def countTestCases(self):
        return 1

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTest()

    def run(self, result=None):
        if result is None:
            result = TestResult()
        result.startTest(self)
        method = getattr(self, self._testMethodName)
        func = getattr(type(self), self._testMethodName, None)
        try:
            skipped = _marked(type(self), "__unittest_skip__") or _marked(func, "__unittest_skip__")
            if skipped:
                why = _marked(func, "__unittest_skip_why__") or _marked(type(self), "__unittest_skip_why__") or ""
                result.addSkip(self, why)
                return result
            expecting = _marked(func, "__unittest_expecting_failure__")
            outcome = self._call(self.setUp, result)
            if outcome:
                outcome = self._call(method, result, expecting)
                self._call(self.tearDown, result)
            try:
                self.doCleanups()
            except Exception as e:
                result.addError(self, e)
                outcome = False
            if outcome == "success":
                if expecting:
                    result.addUnexpectedSuccess(self)
                else:
                    result.addSuccess(self)
        finally:
            result.stopTest(self)
        return result

    def _call(self, fn, result, expecting=False):
        """Runs fn; reports its failure to result. Returns "success" or False."""
        try:
            fn()
            return "success"
        except SkipTest as e:
            result.addSkip(self, str(e))
        except KeyboardInterrupt:
            raise
        except self.failureException as e:
            if expecting:
                result.addExpectedFailure(self, e)
            else:
                result.addFailure(self, e)
        except Exception as e:
            if expecting:
                result.addExpectedFailure(self, e)
            else:
                result.addError(self, e)
        return False

    def __call__(self, result=None):
        return self.run(result)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()

    # the assertions
    def _fail_with(self, standard, msg):
        if msg is not None:
            standard = standard + " : " + str(msg) if self.longMessage else str(msg)
        raise self.failureException(standard)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail_with("%s != %s" % (_safe_repr(first), _safe_repr(second)), msg)

    assertEquals = assertEqual
    assertListEqual = assertEqual
    assertTupleEqual = assertEqual
    assertDictEqual = assertEqual
    assertSetEqual = assertEqual
    assertSequenceEqual = assertEqual
    assertMultiLineEqual = assertEqual

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail_with("%s == %s" % (_safe_repr(first), _safe_repr(second)), msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail_with("%s is not true" % _safe_repr(expr), msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail_with("%s is not false" % _safe_repr(expr), msg)

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self._fail_with("%s is not %s" % (_safe_repr(expr1), _safe_repr(expr2)), msg)

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self._fail_with("unexpectedly identical: %s" % _safe_repr(expr1), msg)

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail_with("%s is not None" % _safe_repr(obj), msg)

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail_with("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail_with("%s not found in %s" % (_safe_repr(member), _safe_repr(container)), msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail_with("%s unexpectedly found in %s" % (_safe_repr(member), _safe_repr(container)), msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail_with("%s is not an instance of %r" % (_safe_repr(obj), cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail_with("%s is an instance of %r" % (_safe_repr(obj), cls), msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail_with("%s not greater than %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail_with("%s not greater than or equal to %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail_with("%s not less than %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail_with("%s not less than or equal to %s" % (_safe_repr(a), _safe_repr(b)), msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%s != %s within %s delta (%s difference)" % (_safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%s != %s within %r places (%s difference)" % (_safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self._fail_with(standard, msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%s == %s within %s delta (%s difference)" % (_safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%s == %s within %r places" % (_safe_repr(first), _safe_repr(second), places)
        self._fail_with(standard, msg)

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        missing = list(b)
        extra = []
        for x in a:
            if x in missing:
                missing.remove(x)
            else:
                extra.append(x)
        if extra or missing:
            self._fail_with("Element counts were not equal: first has %s, second has %s" % (_safe_repr(extra), _safe_repr(missing)), msg)

    def assertRegex(self, text, expected_regex, msg=None):
        if not _re.search(expected_regex, text):
            self._fail_with("Regex didn't match: %r not found in %r" % (expected_regex, text), msg)

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        m = _re.search(unexpected_regex, text)
        if m:
            self._fail_with("Regex matched: %r matches %r in %r" % (m.group(0), unexpected_regex, text), msg)

    def assertRaises(self, expected_exception, *args, **kwargs):
        ctx = _RaisesContext(self, expected_exception, msg=kwargs.pop("msg", None))
        if not args:
            return ctx
        callable_obj, args = args[0], args[1:]
        with ctx:
            callable_obj(*args, **kwargs)
        return None

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        ctx = _RaisesContext(self, expected_exception, expected_regex, msg=kwargs.pop("msg", None))
        if not args:
            return ctx
        callable_obj, args = args[0], args[1:]
        with ctx:
            callable_obj(*args, **kwargs)
        return None

    def assertWarns(self, expected_warning, *args, **kwargs):
        return _SubTest()


class FunctionTestCase(TestCase):
    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        TestCase.__init__(self, "runTest")
        self._testFunc = testFunc
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown

    def runTest(self):
        self._testFunc()

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return "%s (%s)" % (type(self).__name__, self._testFunc.__name__)


class _SubTest:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _module_name(cls):
    return getattr(cls, "__module__", None) or "__main__"


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=0):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self.failures.append((test, _format_err(err)))

    def addError(self, test, err):
        self.errors.append((test, _format_err(err)))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_err(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        return not self.failures and not self.errors and not self.unexpectedSuccesses

    def stop(self):
        self.shouldStop = True


def _format_err(err):
    """err's traceback without the frames of this module."""
    chunks = _traceback.format_exception(err)
    return "".join(c for c in chunks if not c.startswith('  File "<qstar>/'))


class TextTestResult(TestResult):
    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        TestResult.__init__(self)
        self.stream = stream
        self.verbosity = verbosity
        self.descriptions = descriptions

    def _describe(self, test):
        doc = test.shortDescription() if self.descriptions else None
        if doc:
            return str(test) + "\n" + doc
        return str(test)

    def startTest(self, test):
        TestResult.startTest(self, test)
        if self.verbosity > 1:
            self.stream.write(self._describe(test) + " ... ")

    def _report(self, long, short):
        if self.verbosity > 1:
            self.stream.write(long + "\n")
        elif self.verbosity == 1:
            self.stream.write(short)

    def addSuccess(self, test):
        TestResult.addSuccess(self, test)
        self._report("ok", ".")

    def addFailure(self, test, err):
        TestResult.addFailure(self, test, err)
        self._report("FAIL", "F")

    def addError(self, test, err):
        TestResult.addError(self, test, err)
        self._report("ERROR", "E")

    def addSkip(self, test, reason):
        TestResult.addSkip(self, test, reason)
        self._report("skipped %r" % reason, "s")

    def addExpectedFailure(self, test, err):
        TestResult.addExpectedFailure(self, test, err)
        self._report("expected failure", "x")

    def addUnexpectedSuccess(self, test):
        TestResult.addUnexpectedSuccess(self, test)
        self._report("unexpected success", "u")

    def printErrors(self):
        if self.verbosity >= 1:
            self.stream.write("\n")
        for flavour, errors in (("ERROR", self.errors), ("FAIL", self.failures)):
            for test, text in errors:
                self.stream.write(self.separator1 + "\n")
                self.stream.write("%s: %s\n" % (flavour, self._describe(test)))
                self.stream.write(self.separator2 + "\n")
                self.stream.write(text + "\n")


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for t in tests:
            self.addTest(t)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def run(self, result):
        classes_done = []
        for test in self._tests:
            if result.shouldStop:
                break
            if isinstance(test, TestSuite):
                test.run(result)
                continue
            cls = type(test)
            if cls not in classes_done:
                for done in classes_done:
                    done.tearDownClass()
                classes_done = [cls]
                cls.setUpClass()
            test.run(result)
        for done in classes_done:
            done.tearDownClass()
        return result

    def __call__(self, result):
        return self.run(result)


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, testCaseClass):
        return sorted(n for n in dir(testCaseClass) if n.startswith(self.testMethodPrefix) and callable(getattr(testCaseClass, n)))

    def loadTestsFromTestCase(self, testCaseClass):
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return TestSuite([testCaseClass(n) for n in names])

    def loadTestsFromModule(self, module, pattern=None):
        return TestSuite([self.loadTestsFromTestCase(c) for c in _test_classes(vars(module) if not isinstance(module, dict) else module)])


defaultTestLoader = TestLoader()


def _is_test_class(v):
    try:
        return isinstance(v, type) and issubclass(v, TestCase) and v is not TestCase and v is not FunctionTestCase
    except TypeError:
        return False


def _test_classes(namespace):
    return sorted((v for v in namespace.values() if _is_test_class(v)), key=lambda c: c.__name__)


class _Stream:
    def write(self, text):
        sys.stderr.write(text)

    def flush(self):
        pass


class TextTestRunner:
    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False, resultclass=None, warnings=None, *, tb_locals=False):
        self.stream = stream if stream is not None else _Stream()
        self.descriptions = descriptions
        self.verbosity = verbosity

    def run(self, test):
        result = TextTestResult(self.stream, self.descriptions, self.verbosity)
        start = _utime.ticks_ms()
        test(result)
        took = _utime.ticks_diff(_utime.ticks_ms(), start) / 1000
        result.printErrors()
        write = self.stream.write
        write(TextTestResult.separator2 + "\n")
        run = result.testsRun
        write("Ran %d test%s in %.3fs\n\n" % (run, "" if run == 1 else "s", took))
        infos = []
        if not result.wasSuccessful():
            write("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        else:
            write("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        if infos:
            write(" (%s)" % ", ".join(infos))
        write("\n")
        return result


class TestProgram:
    """Runs the main script's TestCase classes; exits 0 if all passed, 1 if not."""

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None, exit=True, verbosity=1, failfast=None, catchbreak=None, buffer=None, warnings=None):
        if argv is None:
            argv = sys.argv
        for a in argv[1:]:
            if a in ("-v", "--verbose"):
                verbosity = 2
            elif a in ("-q", "--quiet"):
                verbosity = 0
        loader = testLoader if testLoader is not None else defaultTestLoader
        namespace = _qstar.main_globals() if module == "__main__" or module is None else vars(module)
        suite = TestSuite([loader.loadTestsFromTestCase(c) for c in _test_classes(namespace)])
        runner = testRunner if testRunner is not None else TextTestRunner(verbosity=verbosity)
        if isinstance(runner, type):
            runner = runner(verbosity=verbosity)
        self.result = runner.run(suite)
        if exit:
            sys.exit(0 if self.result.wasSuccessful() else 1)


main = TestProgram
