"""Command-line parsing in the manner of CPython's argparse: options and
positionals with types, defaults, choices, nargs and the usual actions,
groups, mutually exclusive groups and subcommands; -h prints the help,
and a bad command line prints the usage and an error and exits 2."""

import os as _os
import sys as _sys

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."
PARSER = "A..."


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _action_name(argument) if argument is not None else None
        self.message = message
        Exception.__init__(self, message)

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        parts = []
        for k, v in self.__dict__.items():
            if k.isidentifier():
                parts.append("%s=%r" % (k, v))
        return "Namespace(%s)" % ", ".join(parts)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self.prog = prog


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class MetavarTypeHelpFormatter(HelpFormatter):
    pass


class FileType:
    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._encoding = encoding

    def __call__(self, string):
        if string == "-":
            return _sys.stdin if "r" in self._mode else _sys.stdout
        try:
            return open(string, self._mode)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))


def _action_name(action):
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    return action.dest


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, action="store", version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.action = action
        self.version = version
        self.container = None

    def takes_values(self):
        return self.action in ("store", "append", "extend", "parsers")

    def __repr__(self):
        return "%s(option_strings=%r, dest=%r, nargs=%r, const=%r, default=%r, type=%r, choices=%r, required=%r, help=%r, metavar=%r)" % (
            "_" + self.action.capitalize() + "Action", self.option_strings, self.dest, self.nargs, self.const,
            self.default, self.type, self.choices, self.required, self.help, self.metavar)


class BooleanOptionalAction:
    pass


class _Group:
    def __init__(self, parser, title=None, description=None, exclusive=False, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.exclusive = exclusive
        self.required = required
        self._actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        if not self.exclusive and self.title is not None:
            self._parser._move_to_group(action, self)
        self._actions.append(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs):
        return self._parser.add_mutually_exclusive_group(**kwargs)

    def set_defaults(self, **kwargs):
        self._parser.set_defaults(**kwargs)


class _Subparsers:
    def __init__(self, parser, action):
        self._parser = parser
        self._action = action
        self.choices = {}
        self._helps = []

    def add_parser(self, name, **kwargs):
        aliases = kwargs.pop("aliases", ())
        help = kwargs.pop("help", None)
        if "prog" not in kwargs:
            kwargs["prog"] = "%s %s" % (self._parser._usage_prefix(), name)
        sub = ArgumentParser(**kwargs)
        self.choices[name] = sub
        for alias in aliases:
            self.choices[alias] = sub
        self._helps.append((name, help))
        return sub


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv and _sys.argv[0] else "qstar"
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        self._groups = []  # (title, description, [actions]) in the help
        self._exclusive = []
        self._subparsers = None
        self._positionals = _Group(self, "positional arguments")
        self._optionals = _Group(self, "options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS, help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if action.action != "help":
                    self._add_action(action)
            self._defaults.update(parent._defaults)

    # building
    def add_argument(self, *args, **kwargs):
        if not args or (len(args) == 1 and not args[0].startswith("-")):
            if kwargs.get("dest") is not None and args:
                raise ValueError("dest supplied twice for positional argument")
            dest = kwargs.pop("dest", None) or (args[0] if args else None)
            option_strings = []
            if kwargs.get("nargs") not in ("?", "*", "...") and "required" not in kwargs:
                kwargs["required"] = True
            elif kwargs.get("nargs") == "*" and "default" not in kwargs and "required" not in kwargs:
                kwargs["required"] = True  # as CPython: satisfied by no strings too
            elif kwargs.get("nargs") in ("?", "*") and kwargs.get("required"):
                raise TypeError("'required' is an invalid argument for positionals")
        else:
            option_strings = list(args)
            for o in option_strings:
                if not o.startswith("-"):
                    raise ValueError("invalid option string %r: must start with a character '-'" % o)
            dest = kwargs.pop("dest", None)
            if dest is None:
                longs = [o for o in option_strings if o.startswith("--")]
                dest = (longs[0] if longs else option_strings[0]).lstrip("-").replace("-", "_")
        action = kwargs.pop("action", "store")
        if action is BooleanOptionalAction:
            action = "boolean_optional"
        if not isinstance(action, str):
            raise ValueError("unknown action %r" % (action,))
        if action not in ("store", "store_const", "store_true", "store_false", "append", "append_const",
                          "count", "help", "version", "extend", "boolean_optional"):
            raise ValueError("unknown action \"%s\"" % action)
        if action == "store_true":
            kwargs.setdefault("default", False)
            kwargs["const"] = True
            kwargs["nargs"] = 0
        elif action == "store_false":
            kwargs.setdefault("default", True)
            kwargs["const"] = False
            kwargs["nargs"] = 0
        elif action in ("store_const", "append_const", "count", "help", "version", "boolean_optional"):
            kwargs["nargs"] = 0
        if action == "version":
            kwargs.setdefault("default", SUPPRESS)
            kwargs.setdefault("help", "show program's version number and exit")
        if "default" not in kwargs:
            kwargs["default"] = self._defaults.get(dest, self.argument_default)
        a = Action(option_strings, dest, action=action, **kwargs)
        if a.type is not None and not callable(a.type):
            raise ValueError("%r is not callable" % (a.type,))
        return self._add_action(a)

    def _add_action(self, a):
        for o in a.option_strings:
            for other in self._actions:
                if o in other.option_strings:
                    raise ArgumentError(a, "conflicting option string: %s" % o)
        if a.action == "boolean_optional":
            a.option_strings = a.option_strings + ["--no-" + o[2:] for o in a.option_strings if o.startswith("--")]
        self._actions.append(a)
        return a

    def _move_to_group(self, action, group):
        for g in self._groups:
            if g is group:
                return
        self._groups.append(group)

    def add_argument_group(self, title=None, description=None, **kwargs):
        g = _Group(self, title, description)
        self._groups.append(g)
        return g

    def add_mutually_exclusive_group(self, required=False):
        g = _Group(self, None, None, exclusive=True, required=required)
        self._exclusive.append(g)
        return g

    def add_subparsers(self, title=None, description=None, prog=None, parser_class=None, action=None,
                       option_strings=None, dest=SUPPRESS, required=False, help=None, metavar=None):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        a = Action([], dest, nargs=PARSER, required=required, help=help, metavar=metavar, action="parsers", default=None)
        self._actions.append(a)
        self._subparsers = _Subparsers(self, a)
        a.choices = self._subparsers.choices
        self._subtitle = title
        return self._subparsers

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    # parsing
    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return ns

    def parse_intermixed_args(self, args=None, namespace=None):
        return self.parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        try:
            extras = self._parse(args, namespace)
        except ArgumentError as e:
            if not self.exit_on_error:
                raise
            self.error(str(e))
        return namespace, extras

    def _option(self, text):
        """The action for an option string, allowing unique prefixes of long options."""
        for a in self._actions:
            if text in a.option_strings:
                return a, text
        if self.allow_abbrev and text.startswith("--"):
            found = [(a, o) for a in self._actions for o in a.option_strings if o.startswith(text)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise ArgumentError(None, "ambiguous option: %s could match %s" % (text, ", ".join(o for _, o in found)))
        return None, None

    def _looks_negative(self, s):
        try:
            float(s)
            return s.startswith("-")
        except ValueError:
            return False

    def _is_option(self, s):
        if not s.startswith("-") or s == "-":
            return False
        if self._looks_negative(s) and not any(self._looks_negative(o) for a in self._actions for o in a.option_strings):
            return False
        return True

    def _convert(self, action, value):
        if action.type is None:
            result = value
        else:
            try:
                result = action.type(value)
            except ArgumentTypeError as e:
                raise ArgumentError(action, str(e))
            except (TypeError, ValueError):
                tname = getattr(action.type, "__name__", None) or repr(action.type)
                raise ArgumentError(action, "invalid %s value: %r" % (tname, value))
        if action.choices is not None and action.action != "parsers" and result not in action.choices:
            choices = ", ".join(repr(c) for c in action.choices)
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (result, choices))
        return result

    def _apply(self, action, values, ns, option_string=None):
        kind = action.action
        if kind == "help":
            self.print_help()
            self.exit()
        if kind == "version":
            print(action.version.replace("%(prog)s", self.prog) if action.version else "")
            self.exit()
        if kind == "store_const" or kind == "store_true" or kind == "store_false":
            setattr(ns, action.dest, action.const)
        elif kind == "boolean_optional":
            setattr(ns, action.dest, not (option_string or "").startswith("--no-"))
        elif kind == "append_const":
            items = list(getattr(ns, action.dest, None) or [])
            setattr(ns, action.dest, items + [action.const])
        elif kind == "count":
            setattr(ns, action.dest, (getattr(ns, action.dest, None) or 0) + 1)
        elif kind == "append":
            items = list(getattr(ns, action.dest, None) or [])
            setattr(ns, action.dest, items + [values])
        elif kind == "extend":
            items = list(getattr(ns, action.dest, None) or [])
            setattr(ns, action.dest, items + list(values))
        else:
            setattr(ns, action.dest, values)

    def _arg_values(self, action, strings):
        """The converted value of an action given its argument strings."""
        n = action.nargs
        if n is None:
            return self._convert(action, strings[0])
        if n == OPTIONAL:
            if not strings:
                if action.option_strings:
                    return action.const
                return self._default_value(action)
            return self._convert(action, strings[0])
        if n == REMAINDER:
            return list(strings)
        if n == ZERO_OR_MORE and not strings and not action.option_strings:
            return self._default_value(action)
        return [self._convert(action, s) for s in strings]

    def _default_value(self, action):
        d = action.default
        if isinstance(d, str) and action.type is not None:
            return self._convert(action, d)
        return d

    def _parse(self, args, ns):
        for a in self._actions:
            if a.dest is not SUPPRESS and a.dest != SUPPRESS and not hasattr(ns, a.dest) and a.default != SUPPRESS:
                setattr(ns, a.dest, a.default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        seen = []
        extras = []
        positionals = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                positionals.extend(args[i + 1:])
                break
            if not self._is_option(arg):
                positionals.append(arg)
                i += 1
                if self._subparsers is not None and len(positionals) > self._positional_slots_before_sub():
                    positionals.extend(args[i:])  # the subcommand parses the rest
                    break
                continue
            text, eq, attached = arg.partition("=")
            action, option_string = self._option(text)
            if action is None and not text.startswith("--") and len(text) > 2:
                # -xVALUE or -abc (flags run together)
                action, option_string = self._option(text[:2])
                if action is not None:
                    if action.nargs == 0:
                        for j, c in enumerate(arg[1:]):
                            flag, flag_option = self._option("-" + c)
                            if flag is None:
                                raise ArgumentError(action, "ignored explicit argument %r" % arg[j + 1:])
                            self._check_exclusive(flag, seen)
                            seen.append(flag)
                            self._apply(flag, None, ns, flag_option)
                        i += 1
                        continue
                    attached, eq = arg[2:], "="
            if action is None:
                extras.append(arg)
                i += 1
                continue
            self._check_exclusive(action, seen)
            seen.append(action)
            i += 1
            n = action.nargs
            if n == 0:
                if eq:
                    raise ArgumentError(action, "ignored explicit argument %r" % attached)
                self._apply(action, None, ns, option_string)
                continue
            strings = []
            if eq:
                strings = [attached]
            else:
                want_min, want_max = _arity(n)
                while i < len(args) and len(strings) < want_max and (n == REMAINDER or not self._is_option(args[i])) and args[i] != "--":
                    strings.append(args[i])
                    i += 1
                if len(strings) < want_min:
                    raise ArgumentError(action, _arity_message(n))
            if isinstance(n, int) and len(strings) != n:
                raise ArgumentError(action, _arity_message(n))
            self._apply(action, self._arg_values(action, strings), ns, option_string)
        self._assign_positionals(positionals, ns, seen, extras)
        missing = [a for a in self._actions if a.required and a not in seen]
        if missing:
            names = [_action_name(a) if a.action != "parsers" else (a.metavar or "{%s}" % ",".join(a.choices)) for a in missing]
            raise ArgumentError(None, "the following arguments are required: %s" % ", ".join(names))
        for g in self._exclusive:
            if g.required and not any(a in seen for a in g._actions):
                names = " ".join(_action_name(a) for a in g._actions if a.help != SUPPRESS)
                raise ArgumentError(None, "one of the arguments %s is required" % names)
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and a.type is not None and getattr(ns, a.dest, None) is a.default:
                setattr(ns, a.dest, self._convert(a, a.default))
        return extras

    def _positional_slots_before_sub(self):
        n = 0
        for a in self._actions:
            if a.action == "parsers":
                return n
            if not a.option_strings:
                n += 1
        return n

    def _check_exclusive(self, action, seen):
        for g in self._exclusive:
            if action in g._actions:
                for other in g._actions:
                    if other is not action and other in seen:
                        raise ArgumentError(action, "not allowed with argument %s" % _action_name(other))

    def _assign_positionals(self, strings, ns, seen, extras):
        specs = [a for a in self._actions if not a.option_strings]
        strings = list(strings)
        for idx, a in enumerate(specs):
            later_min = sum(_arity(b.nargs)[0] for b in specs[idx + 1:])
            avail = len(strings) - later_min
            if a.action == "parsers":
                if not strings:
                    break
                name = strings.pop(0)
                if name not in a.choices:
                    choices = ", ".join(repr(c) for c in a.choices)
                    raise ArgumentError(a, "invalid choice: %r (choose from %s)" % (name, choices))
                if a.dest != SUPPRESS:
                    setattr(ns, a.dest, name)
                seen.append(a)
                sub = a.choices[name]
                sub_ns, sub_extras = sub.parse_known_args(strings, ns)
                extras.extend(sub_extras)
                strings = []
                break
            lo, hi = _arity(a.nargs)
            take = max(0, min(hi, avail))
            if take < lo:
                break
            chunk, strings = strings[:take], strings[take:]
            if a.nargs == OPTIONAL and not chunk:
                if a.default is not None or not hasattr(ns, a.dest):
                    setattr(ns, a.dest, self._default_value(a))
                continue
            if a.nargs == ZERO_OR_MORE and not chunk:
                setattr(ns, a.dest, self._default_value(a) if a.default is not None else [])
                seen.append(a)
                continue
            self._apply(a, self._arg_values(a, chunk), ns)
            seen.append(a)
        extras.extend(strings)

    # help
    def _usage_prefix(self):
        return self.prog

    def _metavar(self, a):
        if a.metavar is not None:
            return a.metavar
        if a.choices is not None and a.action != "parsers":
            return "{%s}" % ",".join(str(c) for c in a.choices)
        if a.action == "parsers":
            return "{%s}" % ",".join(a.choices)
        return a.dest.upper() if a.option_strings else a.dest

    def _args_text(self, a):
        m = self._metavar(a)
        n = a.nargs
        if a.action == "parsers":
            return "%s ..." % m
        if n is None:
            return m
        if n == OPTIONAL:
            return "[%s]" % m
        if n == ZERO_OR_MORE:
            return "[%s ...]" % m
        if n == ONE_OR_MORE:
            return "%s [%s ...]" % (m, m)
        if n == REMAINDER:
            return "..."
        if n == 0:
            return ""
        return " ".join([m] * n)

    def _option_usage(self, a):
        text = a.option_strings[0]
        if a.action == "boolean_optional":
            text = " | ".join(a.option_strings)
        args = self._args_text(a)
        if args:
            text += " " + args
        return text

    def _usage_parts(self):
        """The usage's option parts and positional parts."""
        options, done = [], set()
        for a in self._actions:
            if not a.option_strings or a.help == SUPPRESS or id(a) in done:
                continue
            group = None
            for g in self._exclusive:
                if any(x is a for x in g._actions):
                    group = g
            if group is not None:
                members = [x for x in group._actions if x.option_strings and x.help != SUPPRESS]
                for x in members:
                    done.add(id(x))
                inner = " | ".join(self._option_usage(x) for x in members)
                options.append(("(%s)" if group.required else "[%s]") % inner)
                continue
            text = self._option_usage(a)
            options.append(text if a.required else "[%s]" % text)
        positionals = [self._args_text(a) for a in self._actions if not a.option_strings and a.help != SUPPRESS]
        return options, positionals

    def format_usage(self):
        if self.usage is not None:
            return "usage: %s\n" % self.usage.replace("%(prog)s", self.prog)
        prefix = "usage: %s" % self.prog
        options, positionals = self._usage_parts()
        line = " ".join([prefix] + options + positionals)
        if len(line) <= 78:
            return line + "\n"
        # too long: options wrapped under one another, then the positionals
        indent = " " * (len(prefix) + 1)
        lines = []

        def wrap(parts, first):
            current = first
            for p in parts:
                if current.strip() and len(current) + 1 + len(p) > 78 and current != first:
                    lines.append(current)
                    current = indent + p
                else:
                    current = current + " " + p if current.strip() else indent + p
            return current

        tail = wrap(options, prefix)
        if positionals:
            lines.append(tail)
            tail = wrap(positionals, "")
        lines.append(tail)
        return "\n".join(lines) + "\n"

    def _invocation(self, a):
        if not a.option_strings:
            return self._metavar(a)
        args = self._args_text(a)
        if not args:
            return ", ".join(a.option_strings)
        return ", ".join("%s %s" % (o, args) for o in a.option_strings)

    def _help_text(self, a):
        text = a.help or ""
        text = text.replace("%(default)s", str(a.default)).replace("%(prog)s", self.prog)
        text = text.replace("%(type)s", getattr(a.type, "__name__", str(a.type))).replace("%(dest)s", str(a.dest))
        if a.choices is not None:
            text = text.replace("%(choices)s", ", ".join(str(c) for c in a.choices))
        if self.formatter_class is ArgumentDefaultsHelpFormatter and "%(default)" not in (a.help or "") \
                and a.default is not SUPPRESS and (a.option_strings or a.nargs in ("?", "*")) and a.help is not None:
            text += " (default: %s)" % a.default
        return text

    def _section(self, title, actions, out, width, description=None):
        rows = [(self._invocation(a), self._help_text(a)) for a in actions if a.help != SUPPRESS]
        if not rows:
            return
        out.append("")
        out.append(title + ":")
        if description:
            out.append("  " + description)
            out.append("")
        for inv, text in rows:
            line = "  " + inv
            if not text:
                out.append(line)
            elif len(line) + 2 <= width:
                out.append(line.ljust(width) + text)
            else:
                out.append(line)
                out.append(" " * width + text)

    def format_help(self):
        out = [self.format_usage().rstrip("\n")]
        if self.description:
            out.append("")
            out.append(self.description)
        grouped = set()
        for g in self._groups:
            for a in g._actions:
                grouped.add(id(a))
        shown = [a for a in self._actions if a.help != SUPPRESS]
        width = min(max([len(self._invocation(a)) for a in shown] + [0]) + 4, 24)  # where help texts start
        self._section("positional arguments", [a for a in self._actions if not a.option_strings and id(a) not in grouped], out, width)
        self._section("options", [a for a in self._actions if a.option_strings and id(a) not in grouped], out, width)
        for g in self._groups:
            if g._actions:
                self._section(g.title or "", g._actions, out, width, g.description)
        if self.epilog:
            out.append("")
            out.append(self.epilog)
        return "\n".join(out) + "\n"

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        _sys.stderr.write(self.format_usage())
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _arity(n):
    """(fewest, most) argument strings nargs n takes."""
    if n is None:
        return 1, 1
    if n == OPTIONAL:
        return 0, 1
    if n == ZERO_OR_MORE or n == REMAINDER:
        return 0, 1 << 30
    if n == ONE_OR_MORE:
        return 1, 1 << 30
    if n == PARSER:
        return 1, 1 << 30
    return n, n


def _arity_message(n):
    if n is None:
        return "expected one argument"
    if n == OPTIONAL:
        return "expected at most one argument"
    if n == ONE_OR_MORE:
        return "expected at least one argument"
    return "expected %d argument%s" % (n, "" if n == 1 else "s")
