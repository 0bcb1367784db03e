import numpy
import pytest

import chainer_lite
from chainer_lite.distributions import utils

from distributions_tests import _checks


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_modified_xlogx(shape, dtype):
    x = _checks.rng().uniform(0.1, 1, shape).astype(dtype)
    _checks.check_function(utils._modified_xlogx, lambda x: x * numpy.log(x),
                           (x,))


def test_modified_xlogx_at_zero():
    x = chainer_lite.Variable(numpy.array([0., 0.5], numpy.float32))
    y = utils._modified_xlogx(x)
    numpy.testing.assert_allclose(y.array, [0., 0.5 * numpy.log(0.5)])
    with pytest.warns(RuntimeWarning,
                      match='cannot calculate gradient for zero input.'):
        chainer_lite.functions.sum(y).backward()
    numpy.testing.assert_allclose(x.grad, [0., 1 + numpy.log(0.5)])
