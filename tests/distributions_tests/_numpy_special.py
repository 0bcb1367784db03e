"""NumPy versions of the special functions the distributions use.

They serve as test references, and stand in for SciPy's (see conftest.py)
when SciPy is not installed, so that every distribution can be tested.
Accuracy is about 1e-12 relative for the arguments the tests use (positive
for the gamma family).
"""
import math
import statistics

import numpy

gammaln = numpy.vectorize(math.lgamma, otypes=[numpy.float64])

# Bernoulli numbers B_2, B_4, ... of the asymptotic series below.
_BERNOULLI = (1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6)
_SHIFT = 10  # the asymptotic series is used from x + _SHIFT on


def digamma(x):
    """psi(x) for x > 0: recurrence up to x + 10, then the asymptotic series.
    """
    x = numpy.asarray(x, numpy.float64)
    acc = numpy.zeros_like(x)
    for k in range(_SHIFT):
        acc -= 1 / (x + k)
    z = x + _SHIFT
    series = numpy.log(z) - 0.5 / z
    for k, b in enumerate(_BERNOULLI, 1):
        series -= b / (2 * k * z ** (2 * k))
    return acc + series


def polygamma(n, x):
    """psi^(n)(x) for integer n >= 0 and x > 0."""
    n = numpy.asarray(n)
    x = numpy.asarray(x, numpy.float64)
    n, x = numpy.broadcast_arrays(n, x)
    out = numpy.empty(x.shape)
    for order in numpy.unique(n):
        where = n == order
        out[where] = (digamma(x[where]) if order == 0
                      else _polygamma(int(order), x[where]))
    return out


def _polygamma(n, x):
    sign = (-1) ** (n + 1)
    acc = numpy.zeros_like(x)
    for k in range(_SHIFT):
        acc += 1 / (x + k) ** (n + 1)
    acc *= math.factorial(n)
    z = x + _SHIFT
    series = (math.factorial(n - 1) / z ** n
              + math.factorial(n) / (2 * z ** (n + 1)))
    for k, b in enumerate(_BERNOULLI, 1):
        series += (b * math.factorial(2 * k + n - 1) / math.factorial(2 * k)
                   / z ** (2 * k + n))
    return sign * (acc + series)


_normal = statistics.NormalDist()


def _ndtri_scalar(p):
    if p <= 0:
        return -math.inf if p == 0 else math.nan
    if p >= 1:
        return math.inf if p == 1 else math.nan
    return _normal.inv_cdf(p)


ndtri = numpy.vectorize(_ndtri_scalar, otypes=[numpy.float64])
ndtr = numpy.vectorize(lambda x: 0.5 * math.erfc(-x / math.sqrt(2)),
                       otypes=[numpy.float64])


erfcx = numpy.vectorize(lambda x: math.exp(x * x) * math.erfc(x),
                        otypes=[numpy.float64])


def log_ndtr(x):
    return numpy.log(ndtr(x))


FUNCTIONS = {
    'gammaln': gammaln,
    'digamma': digamma,
    'polygamma': polygamma,
    'ndtri': ndtri,
    'log_ndtr': log_ndtr,
    'erfcx': erfcx,
}
