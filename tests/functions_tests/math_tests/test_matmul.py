"""F.matmul (NumPy semantics, transposes) and F.batch_matmul."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite import testing
from chainer_lite.utils import type_check
from helpers import gradients


def _t(x, trans):
    return x.swapaxes(-1, -2) if trans and x.ndim > 1 else x


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('a_shape, b_shape', [
    ((3, 4), (4, 2)),
    ((4,), (4, 2)),
    ((3, 4), (4,)),
    ((4,), (4,)),
    ((2, 3, 4), (4, 2)),
    ((4,), (2, 4, 3)),
    ((2, 1, 3, 4), (5, 4, 2)),
])
@pytest.mark.parametrize('transa', [False, True])
@pytest.mark.parametrize('transb', [False, True])
def test_matmul(dtype, a_shape, b_shape, transa, transb):
    rng = numpy.random.RandomState(0)
    a = _t(rng.uniform(-1, 1, a_shape), transa).astype(dtype)
    b = _t(rng.uniform(-1, 1, b_shape), transb).astype(dtype)
    gradients.check_function(
        lambda a, b: F.matmul(a, b, transa=transa, transb=transb),
        lambda a, b: numpy.asarray(numpy.matmul(_t(a, transa),
                                                _t(b, transb))),
        (a, b), tolerances={'forward': {'atol': 1e-2}})


def test_matmul_operator():
    a = chainer_lite.Variable(numpy.eye(2))
    b = numpy.array([[1.0, 2.0], [3.0, 4.0]])
    numpy.testing.assert_array_equal((a @ b).array, b)
    numpy.testing.assert_array_equal((b @ a).array, b)


def test_matmul_mixed_dtypes():
    a = numpy.ones((2, 3), numpy.float32)
    b = numpy.ones((3, 2), numpy.float64)
    assert F.matmul(a, b).dtype == numpy.float64


def test_matmul_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.matmul(numpy.zeros((2, 3), numpy.float32),
                 numpy.zeros((2, 3), numpy.float32))


@pytest.mark.parametrize('a_shape, b_shape, transa, transb', [
    ((2, 3, 4), (2, 4, 5), False, False),
    ((2, 4, 3), (2, 4, 5), True, False),
    ((2, 3, 4), (2, 5, 4), False, True),
    ((2, 4), (2, 4), True, False),
])
def test_batch_matmul(a_shape, b_shape, transa, transb):
    rng = numpy.random.RandomState(0)
    a = rng.uniform(-1, 1, a_shape).astype(numpy.float32)
    b = rng.uniform(-1, 1, b_shape).astype(numpy.float32)

    def reference(a, b):
        a = a.reshape(a.shape[:2] + (-1,))
        b = b.reshape(b.shape[:2] + (-1,))
        return numpy.matmul(_t(a, transa), _t(b, transb))

    with testing.assert_warns(DeprecationWarning):
        gradients.check_function(
            lambda a, b: F.batch_matmul(a, b, transa, transb), reference,
            (a, b))


def test_batch_matmul_needs_float32():
    with pytest.raises(type_check.InvalidType), \
            testing.assert_warns(DeprecationWarning):
        F.batch_matmul(numpy.zeros((2, 3, 4)), numpy.zeros((2, 4, 5)))
