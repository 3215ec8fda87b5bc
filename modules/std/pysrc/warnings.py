"""warn() prints "file:line: Category: message" to stderr, once per place
and message, as CPython's default filter does; filters are kept to say
"ignore" or "error"."""

import sys
import _qstar

_seen = set()
_action = ["default"]
_filters = []


# the warning classes are the builtins (Warning, UserWarning, ...)


def _category_name(category):
    try:
        return category.__name__
    except AttributeError:
        return str(category)


def _action_for(category, message):
    for action, cat, text in _filters:
        if cat is not None and not issubclass(category, cat):
            continue
        if text and not message.startswith(text):
            continue
        return action
    if category is DeprecationWarning or category is PendingDeprecationWarning:
        return "ignore"  # CPython shows these only in __main__ code; quiet here
    return _action[0]


_recording = []  # the logs of catch_warnings(record=True), innermost last


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
    text = str(message)
    if category is None:
        category = UserWarning
    action = _action_for(category, text)
    if action == "ignore":
        return
    if action == "error":
        raise category(text)
    if _recording:
        _recording[-1].append(WarningMessage(message, category))
        return
    file, line, source = _qstar.caller(stacklevel)
    key = (_category_name(category), text, file, line)
    if action == "once":
        key = (_category_name(category), text)
    if action != "always" and key in _seen:
        return
    _seen.add(key)
    out = "%s:%d: %s: %s\n" % (file, line, _category_name(category), text)
    if source:
        out += "  %s\n" % source
    sys.stderr.write(out)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None, source=None):
    warn(message, category)


def filterwarnings(action, message="", category=None, module="", lineno=0, append=False):
    entry = (action, category, message)
    if append:
        _filters.append(entry)
    else:
        _filters.insert(0, entry)


def simplefilter(action, category=None, lineno=0, append=False):
    filterwarnings(action, "", category, "", lineno, append)


def resetwarnings():
    _filters.clear()
    _seen.clear()


class catch_warnings:
    """Restores the filters on exit; record=True collects the warnings in
    a list instead of printing them."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        self._saved = (list(_filters), set(_seen), _action[0])
        if self._action is not None:
            simplefilter(self._action, self._category)
        if self._record:
            log = []
            _recording.append(log)
            return log
        return None

    def __exit__(self, *exc):
        filters, seen, action = self._saved
        _filters[:] = filters
        _seen.clear()
        _seen.update(seen)
        _action[0] = action
        if self._record:
            _recording.pop()


class WarningMessage:
    def __init__(self, message, category, filename="", lineno=0, file=None, line=None, source=None):
        self.message = message if isinstance(message, Warning) else category(message)
        self.category = category
        self.filename = filename
        self.lineno = lineno

    def __str__(self):
        return "{message : %r, category : %r}" % (self.message, _category_name(self.category))
