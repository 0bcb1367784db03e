"""The special functions (erf family, ndtr family, gamma family, zeta).

erf, erfc and ndtr work without SciPy (slowly, with a PerformanceWarning);
the others need SciPy on CPU and raise ImportError without it.
"""
import math

import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.math import _special
from chainer_lite import warnings as chainer_warnings
from helpers import gradients

try:
    from scipy import special as scipy_special
except ImportError:
    scipy_special = None

requires_scipy = pytest.mark.skipif(scipy_special is None,
                                    reason='SciPy is not installed')
without_scipy = pytest.mark.skipif(scipy_special is not None,
                                   reason='SciPy is installed')

# Without SciPy, the first use of erf, erfc or ndtr warns that it is slow.
pytestmark = pytest.mark.filterwarnings(
    'ignore::chainer_lite.warnings.PerformanceWarning')


def _elementwise(f):
    return lambda x: numpy.vectorize(f, otypes=[numpy.float64])(x)


test_erf = gradients.function_test(F.erf, _elementwise(math.erf))
test_erfc = gradients.function_test(F.erfc, _elementwise(math.erfc))
test_ndtr = gradients.function_test(
    F.ndtr, _elementwise(lambda v: 0.5 * math.erfc(-v / math.sqrt(2))),
    ranges=(-3, 3))


@without_scipy
@pytest.mark.parametrize('func', [F.erf, F.erfc, F.ndtr])
def test_slow_fallback_warns(func, monkeypatch):
    monkeypatch.setattr(_special, '_cpu_functions', {})
    with pytest.warns(chainer_warnings.PerformanceWarning):
        func(numpy.zeros(2, numpy.float32))


_NEEDS_SCIPY = [
    (F.erfcx, 'erfcx', (-1, 1)),
    (F.erfinv, 'erfinv', (-0.8, 0.8)),
    (F.erfcinv, 'erfcinv', (0.2, 1.8)),
    (F.ndtri, 'ndtri', (0.1, 0.9)),
    (F.log_ndtr, 'log_ndtr', (-3, 3)),
    (F.lgamma, 'gammaln', (0.5, 3)),
    (F.digamma, 'digamma', (0.5, 3)),
]


@without_scipy
@pytest.mark.parametrize('func, name, ranges', _NEEDS_SCIPY)
def test_needs_scipy(func, name, ranges):
    with pytest.raises(ImportError):
        func(numpy.full(2, ranges[0], numpy.float32))


@without_scipy
def test_polygamma_and_zeta_need_scipy():
    x = numpy.ones(2, numpy.float32)
    with pytest.raises(ImportError):
        F.polygamma(numpy.ones(2, numpy.int32), x)
    with pytest.raises(ImportError):
        F.zeta(x + 1, x)


@requires_scipy
@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, name, ranges', _NEEDS_SCIPY)
def test_with_scipy(dtype, func, name, ranges):
    x = numpy.random.RandomState(0).uniform(*ranges, (3, 2)).astype(dtype)
    gradients.check_function(
        func, getattr(scipy_special, name), (x,),
        tolerances={'forward': {'rtol': 1e-2},
                    'double_backward': {'rtol': 5e-2}})


@requires_scipy
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_polygamma_with_scipy(dtype):
    rng = numpy.random.RandomState(0)
    n = rng.randint(0, 3, (3, 2)).astype(numpy.int32)
    x = rng.uniform(1, 3, (3, 2)).astype(dtype)
    gradients.check_function(
        lambda x: F.polygamma(n, x),
        lambda x: scipy_special.polygamma(n, x), (x,),
        tolerances={'forward': {'rtol': 1e-2}})


@requires_scipy
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_zeta_with_scipy(dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(2, 4, (3, 2)).astype(dtype)
    q = rng.uniform(1, 2, (3, 2)).astype(dtype)
    gradients.check_function(
        lambda q: F.zeta(x, q), lambda q: scipy_special.zeta(x, q), (q,),
        tolerances={'forward': {'rtol': 1e-2}})
