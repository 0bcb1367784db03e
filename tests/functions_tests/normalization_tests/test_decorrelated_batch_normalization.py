"""F.decorrelated_batch_normalization and its fixed variant."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


def _well_conditioned(rng, shape, groups):
    # Channels of each group with clearly distinct singular values.
    x = rng.uniform(-1, 1, shape)
    b, c = shape[:2]
    rows = numpy.moveaxis(x, 1, 0).reshape(groups, c // groups, -1)
    rows = rows - rows.mean(axis=2, keepdims=True)
    u, s, vh = numpy.linalg.svd(rows, full_matrices=False)
    s = s + numpy.arange(s.shape[1])[::-1] * 0.5 + 1
    rows = numpy.einsum('gij,gj,gjk->gik', u, s, vh)
    return numpy.moveaxis(rows.reshape((c, b) + shape[2:]), 0, 1)


def _whiten(x, groups, eps):
    b, c = x.shape[:2]
    rows = numpy.moveaxis(x, 1, 0).reshape(groups, c // groups, -1)
    rows = rows - rows.mean(axis=2, keepdims=True)
    out = []
    for r in rows:
        cov = r.dot(r.T) / r.shape[1] + eps * numpy.eye(len(r))
        w, v = numpy.linalg.eigh(cov)
        out.append(v.dot(numpy.diag(w ** -0.5)).dot(v.T).dot(r))
    return numpy.moveaxis(numpy.array(out).reshape((c, b) + x.shape[2:]),
                          0, 1)


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('groups', [1, 2])
def test_decorrelated_batch_normalization(dtype, groups):
    x = _well_conditioned(numpy.random.RandomState(groups), (6, 4, 2),
                          groups).astype(dtype)
    gradients.check_function(
        lambda x: F.decorrelated_batch_normalization(
            x, groups=groups, eps=1e-3),
        lambda x: _whiten(x, groups, 1e-3), (x,), double_backward=False,
        tolerances={'forward': {'atol': 1e-4, 'rtol': 1e-3},
                    'backward': {'atol': 1e-2, 'rtol': 1e-2}})


def test_output_is_white_and_running_statistics():
    x = _well_conditioned(numpy.random.RandomState(0), (8, 3), 1)
    mean = numpy.zeros((1, 3))
    projection = numpy.zeros((1, 3, 3))
    y = F.decorrelated_batch_normalization(
        x, groups=1, eps=0, running_mean=mean, running_projection=projection,
        decay=0)
    numpy.testing.assert_allclose(numpy.cov(y.array.T, bias=True),
                                  numpy.eye(3), atol=1e-6)
    numpy.testing.assert_allclose(mean[0], x.mean(axis=0))
    # As in Chainer, the running projection is the whitening matrix scaled
    # by m / (m - 1).
    fixed = F.fixed_decorrelated_batch_normalization(x, mean, projection,
                                                     groups=1)
    numpy.testing.assert_allclose(fixed.array, y.array * 8 / 7, atol=1e-6)


def test_double_backward_is_not_implemented():
    x = chainer_lite.Variable(_well_conditioned(
        numpy.random.RandomState(0), (6, 2), 1))
    y = F.decorrelated_batch_normalization(x, groups=1)
    gx, = chainer_lite.grad([y], [x], [chainer_lite.Variable(
        numpy.ones_like(x.array))], enable_double_backprop=True)
    with pytest.raises(NotImplementedError):
        chainer_lite.grad([gx], [x], [chainer_lite.Variable(
            numpy.ones_like(x.array))])


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_fixed_decorrelated_batch_normalization(dtype):
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, (3, 4, 2)).astype(dtype)
    mean = rng.uniform(-1, 1, (2, 2)).astype(dtype)
    projection = rng.uniform(0.5, 1, (2, 2, 2)).astype(dtype)

    def reference(x, mean, projection):
        rows = numpy.moveaxis(x, 1, 0).reshape(2, 2, -1) - mean[:, :, None]
        y = numpy.matmul(projection, rows)
        return numpy.moveaxis(y.reshape((4, 3, 2)), 0, 1)

    gradients.check_function(
        lambda *args: F.fixed_decorrelated_batch_normalization(
            *args, groups=2), reference, (x, mean, projection),
        tolerances={'forward': {'atol': 1e-2, 'rtol': 1e-2}}
        if dtype == numpy.float16 else None)
