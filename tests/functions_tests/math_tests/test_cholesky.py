"""F.cholesky."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('n', [1, 4])
def test_cholesky(dtype, n):
    rng = numpy.random.RandomState(0)
    m = rng.uniform(-1, 1, (n, n))
    a = (m @ m.T + n * numpy.eye(n)).astype(dtype)

    # The gradient is that of the function of the symmetric part of a, so
    # the checks see a through symmetrization.
    def func(a):
        return F.cholesky((a + a.T) * 0.5)

    gradients.check_function(
        func, lambda a: numpy.linalg.cholesky((a + a.T) / 2), (a,))


def test_cholesky_needs_matrix():
    with pytest.raises(type_check.InvalidType):
        F.cholesky(numpy.ones((2, 2, 2), numpy.float32))
