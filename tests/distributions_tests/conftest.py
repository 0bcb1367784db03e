"""Set-up of the distribution tests: seeded sampling, special functions.

NumPy's global generator is seeded for each test. On CPU, ``F.lgamma``,
``F.digamma``, ``F.polygamma``, ``F.ndtri``, ``F.log_ndtr`` (and ``F.erfcx``
in its gradient) take their values from SciPy and raise ImportError without
it, as in Chainer. So that Beta, Gamma, Dirichlet, ... are tested all the
same, each function SciPy cannot provide is served, during these tests only,
by the NumPy version in _numpy_special.
"""
import numpy
import pytest

from chainer_lite.functions.math import _special

from distributions_tests import _numpy_special


def _missing_on_cpu(name):
    try:
        _special._cpu_function(name)
    except ImportError:
        return True
    return False


@pytest.fixture(autouse=True)
def special_functions(monkeypatch):
    for name, func in _numpy_special.FUNCTIONS.items():
        if _missing_on_cpu(name):
            monkeypatch.setitem(_special._cpu_functions, name, func)


@pytest.fixture(autouse=True)
def seeded_numpy_random():
    # Sampling draws from NumPy's global generator: seed it for
    # reproducible Monte Carlo checks, and leave it as it was.
    state = numpy.random.get_state()
    numpy.random.seed(0)
    yield
    numpy.random.set_state(state)
