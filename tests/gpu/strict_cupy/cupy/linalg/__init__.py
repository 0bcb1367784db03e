"""Fake ``cupy.linalg``: NumPy's routines on fake arrays.

As in CuPy (whose ``cupyx.errstate(linalg=...)`` defaults to 'ignore'),
``inv`` and ``cholesky`` of singular or indefinite matrices return NaNs
instead of raising LinAlgError.
"""
import numpy.linalg

from cupy import _core


def _no_raise(func):
    def call(a, *args, **kwargs):
        try:
            return func(a, *args, **kwargs)
        except numpy.linalg.LinAlgError:
            return _core.wrap(numpy.full(a.shape, numpy.nan, a.dtype))
    call.__name__ = func.__name__
    return call


for _name in ('cholesky', 'det', 'eigh', 'eigvalsh', 'inv', 'lstsq',
              'matrix_power', 'matrix_rank', 'norm', 'pinv', 'qr', 'slogdet',
              'solve', 'svd', 'tensorinv', 'tensorsolve'):
    globals()[_name] = _core.routine(getattr(numpy.linalg, _name), _name)
for _name in ('cholesky', 'inv'):
    globals()[_name] = _no_raise(globals()[_name])
del _name
