"""F.hinge."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _hinge(x, t, norm, reduce):
    signs = numpy.ones_like(x)
    signs[numpy.arange(len(x)), t] = -1
    loss = numpy.maximum(0, 1 + signs * x)
    if norm == 'L2':
        loss = loss ** 2
    return loss.sum() / len(x) if reduce == 'mean' else loss


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('norm', ['L1', 'L2'])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@hypothesis.given(data=st.data())
def test_hinge(dtype, norm, reduce, data):
    n = data.draw(st.integers(1, 4))
    k = data.draw(st.integers(1, 4))
    # The loss has kinks at x = +-1.
    x = data.draw(gradients.arrays(dtype, (n, k), -2, 2, avoid=[-1, 1]))
    t = numpy.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n,
                                       max_size=n)), numpy.int32)
    gradients.check_function(
        lambda x: F.hinge(x, t, norm, reduce),
        lambda x: _hinge(x, t, norm, reduce), (x,))


def test_invalid_options():
    x = numpy.zeros((1, 2), numpy.float32)
    t = numpy.zeros(1, numpy.int32)
    with pytest.raises(NotImplementedError):
        F.hinge(x, t, norm='L3')
    with pytest.raises(ValueError):
        F.hinge(x, t, reduce='sum')
