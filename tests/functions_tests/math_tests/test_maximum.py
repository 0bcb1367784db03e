"""F.maximum and F.minimum (broadcasting; ties go to the first input)."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _separated(shapes, dtype, seed=0):
    # Distinct values, so that no pair is tied (a kink).
    rng = numpy.random.RandomState(seed)
    n = sum(int(numpy.prod(s)) for s in shapes)
    values = (rng.permutation(n) * 0.1 - 0.5 * 0.1 * n)
    out, start = [], 0
    for s in shapes:
        size = int(numpy.prod(s))
        out.append(values[start:start + size].reshape(s).astype(dtype))
        start += size
    return out


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, reference', [
    (F.maximum, numpy.maximum), (F.minimum, numpy.minimum)])
@pytest.mark.parametrize('shapes', [
    ((3, 2), (3, 2)), ((3, 2), (2,)), ((1, 2), (3, 1)), ((), (2,))])
def test_maximum_minimum(dtype, func, reference, shapes):
    gradients.check_function(func, reference, _separated(shapes, dtype))


@pytest.mark.parametrize('func', [F.maximum, F.minimum])
def test_tie_goes_to_first_input(func):
    a = chainer_lite.Variable(numpy.array([1.0, 2.0]))
    b = chainer_lite.Variable(numpy.array([1.0, 2.0]))
    func(a, b).grad = None
    y = func(a, b)
    y.grad = numpy.ones(2)
    y.backward()
    numpy.testing.assert_array_equal(a.grad, [1.0, 1.0])
    numpy.testing.assert_array_equal(b.grad, [0.0, 0.0])


@pytest.mark.parametrize('func', [F.maximum, F.minimum])
def test_dtype_mismatch(func):
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros(2, numpy.float32), numpy.zeros(2, numpy.float64))
