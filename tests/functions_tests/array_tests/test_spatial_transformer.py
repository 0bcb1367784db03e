"""F.spatial_transformer_grid and F.spatial_transformer_sampler."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _grid_reference(theta, output_shape):
    H, W = output_shape
    grid = numpy.empty((len(theta), 2, H, W))
    for i, y in enumerate(numpy.linspace(-1, 1, H)):
        for j, x in enumerate(numpy.linspace(-1, 1, W)):
            grid[:, :, i, j] = theta.dot([x, y, 1.0])
    return grid


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_grid(dtype, data):
    n = data.draw(st.integers(1, 3))
    output_shape = (data.draw(st.integers(1, 4)), data.draw(st.integers(1, 4)))
    theta, = data.draw(gradients.inputs(dtype, st.just(((n, 2, 3),))))
    gradients.check_function(
        lambda t: F.spatial_transformer_grid(t, output_shape),
        lambda t: _grid_reference(t, output_shape), (theta,))


def _sample_reference(x, grid):
    # Bilinear interpolation with zeros outside the image, point by point.
    B, C, H, W = x.shape
    y = numpy.zeros((B, C) + grid.shape[2:])
    for b in range(B):
        for p in numpy.ndindex(*grid.shape[2:]):
            u = (grid[b, 0][p] + 1) * (W - 1) / 2
            v = (grid[b, 1][p] + 1) * (H - 1) / 2
            for row in (numpy.floor(v), numpy.floor(v) + 1):
                for col in (numpy.floor(u), numpy.floor(u) + 1):
                    weight = (1 - abs(v - row)) * (1 - abs(u - col))
                    if 0 <= row < H and 0 <= col < W:
                        y[b, :][(slice(None),) + p] += \
                            weight * x[b, :, int(row), int(col)]
    return y


@st.composite
def _sampling_points(draw, n, out_shape, H, W):
    # Points in pixel units from -1 to the size, kept away from pixel
    # boundaries where the interpolation has kinks, then scaled to [-1, 1].
    def coordinate(size):
        pixel = draw(st.integers(-1, size)) + draw(st.floats(0.2, 0.8))
        return pixel * 2 / (size - 1) - 1
    grid = numpy.empty((n, 2) + out_shape)
    for index in numpy.ndindex(n, *out_shape):
        grid[index[0], 0][index[1:]] = coordinate(W)
        grid[index[0], 1][index[1:]] = coordinate(H)
    return grid


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_sampler(dtype, data):
    n, C = data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2))
    H, W = data.draw(st.integers(2, 4)), data.draw(st.integers(2, 4))
    out_shape = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    x, = data.draw(gradients.inputs(dtype, st.just(((n, C, H, W),))))
    grid = data.draw(_sampling_points(n, out_shape, H, W)).astype(dtype)
    overrides = None
    if numpy.dtype(dtype) == numpy.float16:
        # The coordinates themselves are rounded to float16.
        overrides = {'forward': {'atol': 2e-2, 'rtol': 2e-2}}
    gradients.check_function(
        F.spatial_transformer_sampler, _sample_reference, (x, grid),
        tolerances=overrides)


def test_identity_grid_reproduces_image():
    x = numpy.random.uniform(size=(2, 3, 4, 5)).astype(numpy.float32)
    theta = numpy.tile(numpy.array([[1, 0, 0], [0, 1, 0]], numpy.float32),
                       (2, 1, 1))
    grid = F.spatial_transformer_grid(theta, (4, 5))
    y = F.spatial_transformer_sampler(x, grid)
    numpy.testing.assert_allclose(y.array, x, rtol=1e-5, atol=1e-6)


def test_use_cudnn_argument_is_rejected():
    theta = numpy.zeros((1, 2, 3), numpy.float32)
    with pytest.raises(ValueError):
        F.spatial_transformer_grid(theta, (2, 2), use_cudnn=True)
    with pytest.raises(TypeError):
        F.spatial_transformer_grid(theta, (2, 2), foo=True)


@pytest.mark.parametrize('x,grid', [
    (numpy.zeros((1, 1, 2, 2), 'f'), numpy.zeros((1, 2, 1, 1), 'd')),
    (numpy.zeros((1, 1, 2, 2), 'f'), numpy.zeros((1, 3, 1, 1), 'f')),
    (numpy.zeros((2, 1, 2, 2), 'f'), numpy.zeros((1, 2, 1, 1), 'f')),
    (numpy.zeros((1, 2, 2), 'f'), numpy.zeros((1, 2, 1, 1), 'f')),
])
def test_sampler_invalid(x, grid):
    with pytest.raises(type_check.InvalidType):
        F.spatial_transformer_sampler(x, grid)
