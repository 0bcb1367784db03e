"""F.contrastive and F.triplet."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _contrastive(x0, x1, y, margin, reduce):
    d = numpy.sqrt(((x0 - x1) ** 2).sum(axis=1))
    loss = 0.5 * (y * d ** 2 + (1 - y) * numpy.maximum(margin - d, 0) ** 2)
    return loss.mean() if reduce == 'mean' else loss


def _triplet(a, p, n, margin, reduce):
    loss = numpy.maximum(
        ((a - p) ** 2).sum(axis=1) - ((a - n) ** 2).sum(axis=1) + margin, 0)
    return loss.mean() if reduce == 'mean' else loss


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@hypothesis.given(data=st.data())
def test_contrastive(dtype, reduce, data):
    shape = data.draw(gradients.shapes(min_dims=2, max_dims=2))
    x0, x1 = data.draw(gradients.inputs(dtype, st.just((shape, shape))))
    d = numpy.sqrt(((x0 - x1).astype(numpy.float64) ** 2).sum(axis=1))
    # Keep away from d == 0 and from the margin, where it is not smooth.
    hypothesis.assume((d > 0.1).all() and (abs(d - 1) > 0.1).all())
    y = numpy.array(data.draw(st.lists(st.integers(0, 1), min_size=len(x0),
                                       max_size=len(x0))), numpy.int32)
    gradients.check_function(
        lambda x0, x1: F.contrastive(x0, x1, y, 1, reduce),
        lambda x0, x1: _contrastive(x0, x1, y, 1, reduce), (x0, x1))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@hypothesis.given(data=st.data())
def test_triplet(dtype, reduce, data):
    shape = data.draw(gradients.shapes(min_dims=2, max_dims=2))
    a, p, n = data.draw(gradients.inputs(
        dtype, st.just((shape,) * 3)))
    dist = (((a - p).astype(numpy.float64) ** 2).sum(axis=1)
            - ((a - n).astype(numpy.float64) ** 2).sum(axis=1) + 0.2)
    hypothesis.assume((abs(dist) > 0.1).all())
    gradients.check_function(
        lambda a, p, n: F.triplet(a, p, n, 0.2, reduce),
        lambda a, p, n: _triplet(a, p, n, 0.2, reduce), (a, p, n))


@pytest.mark.parametrize('func', [F.contrastive, F.triplet])
def test_invalid_options(func):
    x = numpy.zeros((1, 2), numpy.float32)
    third = numpy.zeros(1, numpy.int32) if func is F.contrastive else x
    with pytest.raises(ValueError):
        func(x, x, third, margin=0)
    with pytest.raises(ValueError):
        func(x, x, third, reduce='sum')


def test_contrastive_zero_distance_gradient_is_finite():
    x = numpy.ones((2, 3), numpy.float32)
    y = numpy.array([0, 1], numpy.int32)
    import chainer_lite
    x0 = chainer_lite.Variable(x)
    F.contrastive(x0, x, y).backward()
    assert numpy.isfinite(x0.grad).all()
