"""Fake ``cupy.testing``: NumPy's assertions on host copies."""
import numpy.testing

from cupy import _core


def _host(x):
    return x.get() if isinstance(x, _core.ndarray) else x


def _assertion(name):
    check = getattr(numpy.testing, name)

    def assertion(actual, desired, *args, **kwargs):
        check(_host(actual), _host(desired), *args, **kwargs)
    assertion.__name__ = name
    return assertion


for _name in ('assert_allclose', 'assert_array_almost_equal',
              'assert_array_almost_equal_nulp', 'assert_array_equal',
              'assert_array_less', 'assert_array_max_ulp', 'assert_equal'):
    globals()[_name] = _assertion(_name)
del _name
