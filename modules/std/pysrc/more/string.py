"""string.Formatter, beside the Go part of string."""


class Formatter:
    """str.format's machinery, for subclasses to change a step."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        out = []
        auto = [0]
        for literal, field, spec, conversion in self.parse(format_string):
            out.append(literal)
            if field is None:
                continue
            if field == "":
                field = str(auto[0])
                auto[0] += 1
            obj, key = self.get_field(field, args, kwargs)
            used.add(key)
            obj = self.convert_field(obj, conversion)
            if spec and "{" in spec:
                spec = self.vformat(spec, args, kwargs)
            out.append(self.format_field(obj, spec or ""))
        self.check_unused_args(used, args, kwargs)
        return "".join(out)

    def parse(self, format_string):
        i, n = 0, len(format_string)
        literal = []
        while i < n:
            c = format_string[i]
            if c == "{":
                if i + 1 < n and format_string[i + 1] == "{":
                    literal.append("{")
                    i += 2
                    continue
                depth, j = 1, i + 1
                while j < n and depth:
                    if format_string[j] == "{":
                        depth += 1
                    elif format_string[j] == "}":
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                body = format_string[i + 1:j - 1]
                conversion = None
                spec = ""
                name = body
                colon = _top_level(body, ":")
                if colon >= 0:
                    name, spec = body[:colon], body[colon + 1:]
                bang = name.find("!")
                if bang >= 0:
                    name, conversion = name[:bang], name[bang + 1:]
                yield "".join(literal), name, spec, conversion
                literal = []
                i = j
            elif c == "}":
                if i + 1 < n and format_string[i + 1] == "}":
                    literal.append("}")
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            yield "".join(literal), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % conversion)


def _top_level(text, ch):
    depth = 0
    for i, c in enumerate(text):
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == ch and depth == 0:
            return i
    return -1


def _split_field(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); a number names a positional argument."""
    i = 0
    while i < len(name) and name[i] not in ".[":
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < len(name):
        if name[i] == ".":
            j = i + 1
            while j < len(name) and name[j] not in ".[":
                j += 1
            rest.append((True, name[i + 1:j]))
            i = j
        else:
            j = name.index("]", i)
            key = name[i + 1:j]
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
    return first, rest
