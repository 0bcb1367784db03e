"""Special functions from SciPy (CPU) or CuPy (GPU), found on first use.

SciPy is optional: without it ``erf``, ``erfc`` and ``ndtr`` fall back to
slow elementwise Python (with a PerformanceWarning) and the others raise
ImportError, as in Chainer.
"""
import math
import warnings

import numpy

_SLOW_CPU_FALLBACKS = {
    'erf': math.erf,
    'erfc': math.erfc,
    'ndtr': lambda x: 0.5 * math.erfc(-x / 2 ** 0.5),
}

_cpu_functions = {}


def _cpu_function(name):
    if name in _cpu_functions:
        return _cpu_functions[name]
    try:
        from scipy import special
        func = getattr(special, name)
    except ImportError:
        if name not in _SLOW_CPU_FALLBACKS:
            raise ImportError(
                'SciPy is not available. Forward computation of {} in CPU '
                'can not be done.'.format(name))
        from chainer_lite import warnings as chainer_warnings
        warnings.warn(
            'SciPy is not available. Forward computation of {} in CPU can '
            'be slow without SciPy.'.format(name),
            chainer_warnings.PerformanceWarning)
        func = numpy.vectorize(_SLOW_CPU_FALLBACKS[name])
    _cpu_functions[name] = func
    return func


def get(name, xp):
    """The special function ``name`` of ``scipy.special`` for ``xp``.

    Args:
        name (str): The function's name in ``scipy.special``.
        xp: ``numpy`` or ``cupy``.

    Raises:
        ImportError: On CPU when SciPy is missing and there is no fallback.
    """
    if xp is numpy:
        return _cpu_function(name)
    from cupyx.scipy import special
    return getattr(special, name)
