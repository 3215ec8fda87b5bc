"""betavariate and SystemRandom, beside the Go part of random."""

import os as _os
from random import gauss as _gauss, random as _random, expovariate as _expovariate
import math as _math


def gammavariate(alpha, beta):
    if alpha <= 0.0 or beta <= 0.0:
        raise ValueError("gammavariate: alpha and beta must be > 0.0")
    if alpha > 1.0:
        # Marsaglia and Tsang
        d = alpha - 1.0 / 3.0
        c = 1.0 / _math.sqrt(9.0 * d)
        while True:
            x = _gauss(0.0, 1.0)
            v = (1.0 + c * x) ** 3
            if v <= 0:
                continue
            u = _random()
            if _math.log(u) < 0.5 * x * x + d - d * v + d * _math.log(v):
                return d * v * beta
    if alpha == 1.0:
        return _expovariate(1.0) * beta
    return gammavariate(alpha + 1.0, beta) * _random() ** (1.0 / alpha)


def betavariate(alpha, beta):
    y = gammavariate(alpha, 1.0)
    if y:
        return y / (y + gammavariate(beta, 1.0))
    return 0.0


class SystemRandom:
    """Random numbers from the system's source (os.urandom); seed() does nothing."""

    def seed(self, *args, **kwds):
        return None

    def getrandbits(self, k):
        if k <= 0:
            return 0
        n = (k + 7) // 8
        return int.from_bytes(_os.urandom(n), "big") >> (n * 8 - k)

    def random(self):
        return self.getrandbits(53) / 9007199254740992.0

    def _below(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        width = stop - start
        if step == 1:
            if width <= 0:
                raise ValueError("empty range for randrange() (%d, %d, %d)" % (start, stop, width))
            return start + self._below(width)
        n = (width + step - 1) // step if step > 0 else (width + step + 1) // step
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * self._below(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not seq:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._below(len(seq))]

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._below(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("Sample larger than population or is negative")
        return [pool.pop(self._below(len(pool))) for _ in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        population = list(population)
        if weights is None and cum_weights is None:
            return [population[self._below(len(population))] for _ in range(k)]
        if cum_weights is None:
            cum_weights, total = [], 0
            for w in weights:
                total += w
                cum_weights.append(total)
        total = cum_weights[-1]
        out = []
        for _ in range(k):
            r = self.random() * total
            for i, c in enumerate(cum_weights):
                if r < c:
                    out.append(population[i])
                    break
        return out
