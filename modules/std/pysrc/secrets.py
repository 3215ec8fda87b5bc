"""Random numbers for secrets (tokens, keys), from the system's source."""

import base64 as _base64
import binascii as _binascii
import hmac as _hmac
import os as _os

DEFAULT_ENTROPY = 32


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _os.urandom(nbytes)


def token_hex(nbytes=None):
    return _binascii.hexlify(token_bytes(nbytes)).decode("ascii")


def token_urlsafe(nbytes=None):
    return _base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def randbits(k):
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    if k == 0:
        return 0
    n = (k + 7) // 8
    return int.from_bytes(_os.urandom(n), "big") >> (n * 8 - k)


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    while True:
        r = randbits(k)
        if r < exclusive_upper_bound:
            return r


def choice(seq):
    if not seq:
        raise IndexError("Cannot choose from an empty sequence")
    return seq[randbelow(len(seq))]


compare_digest = _hmac.compare_digest


class SystemRandom:
    def random(self):
        return randbits(53) / (1 << 53)

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        n = (stop - start + step - 1) // step if step > 0 else (start - stop - step - 1) // -step
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        return choice(seq)

    def getrandbits(self, k):
        return randbits(k)

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("Sample larger than population or is negative")
        out = []
        for _ in range(k):
            out.append(pool.pop(randbelow(len(pool))))
        return out

    def uniform(self, a, b):
        return a + (b - a) * self.random()
