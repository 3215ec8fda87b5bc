"""split a command line as a POSIX shell would, quote and join."""

import re as _re

_unsafe = _re.compile(r"[^\w@%+=:,./-]")


def quote(s):
    if not s:
        return "''"
    if _unsafe.search(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    return " ".join(quote(arg) for arg in split_command)


def split(s, comments=False, posix=True):
    if s is None:
        raise ValueError("s argument must not be None")
    words = []
    word = None  # None: between words
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in " \t\r\n":
            if word is not None:
                words.append(word)
                word = None
            i += 1
        elif comments and c == "#" and word is None:
            while i < n and s[i] != "\n":
                i += 1
        elif c == "'":
            end = s.find("'", i + 1)
            if end < 0:
                raise ValueError("No closing quotation")
            word = (word or "") + (s[i + 1:end] if posix else s[i:end + 1])
            i = end + 1
        elif c == '"':
            j = i + 1
            part = []
            while True:
                if j >= n:
                    raise ValueError("No closing quotation")
                d = s[j]
                if d == '"':
                    break
                if d == "\\" and posix and j + 1 < n and s[j + 1] in '"\\$`\n':
                    part.append(s[j + 1])
                    j += 2
                    continue
                part.append(d)
                j += 1
            text = "".join(part)
            word = (word or "") + (text if posix else '"' + text + '"')
            i = j + 1
        elif c == "\\" and posix:
            if i + 1 >= n:
                raise ValueError("No escaped character")
            word = (word or "") + s[i + 1]
            i += 2
        else:
            word = (word or "") + c
            i += 1
    if word is not None:
        words.append(word)
    return words
