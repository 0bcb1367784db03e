"""Fake ``cupyx.scipy.special``: SciPy's functions when SciPy is there.

Without SciPy only ``erf``, ``erfc`` and ``ndtr`` exist (from :mod:`math`);
asking for another raises AttributeError naming the cause.
"""
import math

import numpy

from cupy import _core

_MATH = {
    'erf': math.erf,
    'erfc': math.erfc,
    'ndtr': lambda x: 0.5 * math.erfc(-x / 2 ** 0.5),
}


def _ufunc(name):
    try:
        from scipy import special
    except ImportError:
        if name not in _MATH:
            raise AttributeError(
                'the strict fake cupyx.scipy.special needs SciPy for '
                '{}'.format(name))
        f = numpy.vectorize(_MATH[name], otypes=[numpy.float64])

        def call(x):
            return _core.wrap(f(_core.operand(x)).astype(x.dtype))
        return call
    func = getattr(special, name)
    if isinstance(func, numpy.ufunc):
        return _core.ufunc(func)
    return _core.routine(func, name)


def __getattr__(name):
    if name.startswith('_'):
        raise AttributeError(name)
    return _ufunc(name)
