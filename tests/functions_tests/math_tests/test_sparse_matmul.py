"""F.sparse_matmul: COO times dense and dense times COO (no SciPy needed)."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.math import sparse_matmul
from chainer_lite import utils
from chainer_lite.utils import type_check
from helpers import gradients


def _t(x, trans):
    return x.swapaxes(-1, -2) if trans else x


def _sparse(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    a = rng.uniform(-1, 1, shape)
    a[rng.uniform(size=shape) < 0.5] = 0  # batch members differ in nnz
    return a.astype(dtype)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('batch', [(), (2,)])
@pytest.mark.parametrize('transa', [False, True])
@pytest.mark.parametrize('transb', [False, True])
def test_sparse_times_dense(dtype, batch, transa, transb):
    a = _sparse(batch + (3, 4), dtype)
    sp = utils.to_coo(a)
    op_a = _t(a, transa)
    b = _t(numpy.random.RandomState(1).uniform(
        -1, 1, batch + (op_a.shape[-1], 2)), transb).astype(dtype)
    numpy.testing.assert_allclose(
        F.sparse_matmul(sp, b, transa, transb).array,
        op_a @ _t(b, transb), rtol=1e-2, atol=1e-2)
    # The gradients flow to the COO data and to the dense operand.
    gradients.check_function(
        lambda data, b: sparse_matmul.CooMatMul(
            sp.row, sp.col, sp.shape, transa=transa,
            transb=transb).apply((data, b))[0],
        lambda data, b: numpy.matmul(op_a, _t(b, transb)),
        (sp.data.array, b), tolerances={'forward': {'atol': 1e-2}})


@pytest.mark.parametrize('batch', [(), (2,)])
@pytest.mark.parametrize('transa', [False, True])
@pytest.mark.parametrize('transb', [False, True])
def test_dense_times_sparse(batch, transa, transb):
    b = _sparse(batch + (3, 4), numpy.float64)
    sp = utils.to_coo(b)
    op_b = _t(b, transb)
    a = _t(numpy.random.RandomState(1).uniform(
        -1, 1, batch + (2, op_b.shape[-2])), transa)
    y = F.sparse_matmul(a, sp, transa, transb)
    numpy.testing.assert_allclose(y.array, _t(a, transa) @ op_b)


def test_two_sparse_or_two_dense_operands():
    a = numpy.eye(2, dtype=numpy.float32)
    with pytest.raises(ValueError):
        F.sparse_matmul(utils.to_coo(a), utils.to_coo(a))
    with pytest.raises(ValueError):
        F.sparse_matmul(a, a)


def test_shape_mismatch():
    sp = utils.to_coo(numpy.eye(3, dtype=numpy.float32))
    with pytest.raises(type_check.InvalidType):
        F.sparse_matmul(sp, numpy.zeros((4, 2), numpy.float32))
