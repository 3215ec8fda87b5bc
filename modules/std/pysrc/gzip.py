"""gzip files and data, on zlib (wbits 31 is the gzip format)."""

import zlib as _zlib

_open = open


class BadGzipFile(OSError):
    pass


def compress(data, compresslevel=9, *, mtime=None):
    return _zlib.compress(bytes(data), compresslevel, 31)


def decompress(data):
    data = bytes(data)
    if data[:2] != b"\x1f\x8b":
        raise BadGzipFile("Not a gzipped file (%r)" % data[:2])
    try:
        return _zlib.decompress(data, 31)
    except _zlib.error as e:
        raise EOFError("Compressed file ended before the end-of-stream marker was reached") if "truncated" in str(e) else BadGzipFile(str(e))


class GzipFile:
    """A whole gzip file read or written at once: read() decompresses it
    all, write() collects what close() compresses."""

    def __init__(self, filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None):
        mode = mode or "rb"
        if "t" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
        self.mode = mode
        self.name = filename or ""
        self._level = compresslevel
        self._fileobj = fileobj
        self._chunks = []
        self._data = None
        self._pos = 0
        self.closed = False
        if "r" in mode:
            raw = fileobj.read() if fileobj is not None else _read_all(filename)
            self._data = decompress(raw)

    def read(self, size=-1):
        if self._data is None:
            raise OSError("read() on write-only GzipFile object")
        if size is None or size < 0:
            out = self._data[self._pos:]
        else:
            out = self._data[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self):
        i = self._data[self._pos:].find(b"\n")
        end = len(self._data) if i < 0 else self._pos + i + 1
        out = self._data[self._pos:end]
        self._pos = end
        return out

    def readlines(self):
        return list(iter(self.readline, b""))

    def __iter__(self):
        return iter(self.readlines())

    def write(self, data):
        if self._data is not None:
            raise OSError("write() on read-only GzipFile object")
        data = bytes(data)
        self._chunks.append(data)
        return len(data)

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self._data is None:
            blob = compress(b"".join(self._chunks), self._level)
            if self._fileobj is not None:
                self._fileobj.write(blob)
            else:
                with _open(self.name, "ab" if "a" in self.mode else "wb") as f:
                    f.write(blob)

    def flush(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _read_all(filename):
    with _open(filename, "rb") as f:
        return f.read()


class _TextGzip:
    def __init__(self, gz, encoding):
        self._gz = gz
        self._encoding = encoding or "utf-8"

    def read(self, size=-1):
        return self._gz.read(size).decode(self._encoding)

    def readline(self):
        return self._gz.readline().decode(self._encoding)

    def readlines(self):
        return [line.decode(self._encoding) for line in self._gz.readlines()]

    def __iter__(self):
        return iter(self.readlines())

    def write(self, text):
        self._gz.write(text.encode(self._encoding))
        return len(text)

    def close(self):
        self._gz.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(filename, mode="rb", compresslevel=9, encoding=None, errors=None, newline=None):
    if "t" in mode:
        return _TextGzip(GzipFile(filename, mode.replace("t", "b"), compresslevel), encoding)
    if "b" not in mode:
        mode += "b"
    return GzipFile(filename, mode, compresslevel)
