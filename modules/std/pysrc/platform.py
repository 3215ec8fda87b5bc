"""What the script runs on: the gateway's system, machine and node."""

import os as _os
import sys as _sys


def _uname():
    return _os.uname()


def system():
    return "Linux"


def node():
    return _uname().nodename


def release():
    return _uname().release


def version():
    return _uname().version


def machine():
    m = _uname().machine
    return {"amd64": "x86_64", "arm64": "aarch64", "arm": "armv7l", "386": "i686"}.get(m, m)


def processor():
    return machine()


def architecture(executable=None, bits="", linkage=""):
    return ("64bit" if _sys.maxsize > 2 ** 32 else "32bit", "ELF")


def python_implementation():
    return "qstar"


def python_version():
    return ".".join(str(x) for x in _sys.version_info[:3])


def python_version_tuple():
    return tuple(str(x) for x in _sys.version_info[:3])


def uname():
    return (system(), node(), release(), version(), machine(), processor())


def platform(aliased=False, terse=False):
    return "%s-%s-%s" % (system(), release(), machine())
