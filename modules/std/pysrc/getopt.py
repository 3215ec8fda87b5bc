"""Parse command-line options in the manner of C's getopt()."""


class GetoptError(Exception):
    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _long(opt, longopts, args):
    name, eq, value = opt.partition("=")
    matches = [o for o in longopts if o.rstrip("=") == name] or [o for o in longopts if o.startswith(name)]
    if not matches:
        raise GetoptError("option --%s not recognized" % name, name)
    exact = [o for o in matches if o.rstrip("=") == name]
    if exact:
        matches = exact
    if len(matches) > 1:
        raise GetoptError("option --%s not a unique prefix" % name, name)
    full = matches[0]
    takes = full.endswith("=")
    full = full.rstrip("=")
    if takes:
        if not eq:
            if not args:
                raise GetoptError("option --%s requires argument" % full, full)
            value = args.pop(0)
    elif eq:
        raise GetoptError("option --%s must not have an argument" % full, full)
    return ("--" + full, value if takes else "")


def getopt(args, shortopts, longopts=[]):
    if isinstance(longopts, str):
        longopts = [longopts]
    args = list(args)
    opts = []
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":
            args.pop(0)
            break
        arg = args.pop(0)
        if arg.startswith("--"):
            opts.append(_long(arg[2:], list(longopts), args))
            continue
        chars = arg[1:]
        while chars:
            c, chars = chars[0], chars[1:]
            i = shortopts.find(c)
            if c == ":" or i < 0:
                raise GetoptError("option -%s not recognized" % c, c)
            if i + 1 < len(shortopts) and shortopts[i + 1] == ":":
                if not chars:
                    if not args:
                        raise GetoptError("option -%s requires argument" % c, c)
                    chars = args.pop(0)
                opts.append(("-" + c, chars))
                chars = ""
            else:
                opts.append(("-" + c, ""))
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    rest = []
    opts = []
    args = list(args)
    while args:
        if args[0] == "--":
            rest += args[1:]
            break
        if args[0].startswith("-") and args[0] != "-":
            o, args = getopt(args, shortopts, longopts)
            opts += o
        else:
            rest.append(args.pop(0))
    return opts, rest
