"""getpass (a prompt, the answer read from stdin) and getuser."""

import os as _os
import sys as _sys


class GetPassWarning(UserWarning):
    pass


def getpass(prompt="Password: ", stream=None):
    (stream or _sys.stderr).write(prompt)
    line = _sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


def getuser():
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = _os.getenv(name)
        if user:
            return user
    return "root"
