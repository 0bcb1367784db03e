"""Spatial_transformer_sampler: bilinear sampling of an image at given
points (Spatial Transformer Networks)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import expand_dims
from chainer_lite.functions.array import get_item
from chainer_lite.functions.array import pad
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import scatter_add
from chainer_lite.functions.array import stack
from chainer_lite.functions.array import transpose
from chainer_lite.functions.array import where
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import argument
from chainer_lite.utils import type_check

# The image is zero-padded by one pixel on each side, so that points outside
# it interpolate towards zero.
_PAD = ((0, 0), (0, 0), (1, 1), (1, 1))


class _Cells(object):

    """Where each sampling point falls in the padded image.

    ``u`` and ``v`` are the column and row coordinates in the padded image
    (``u_clipped``/``v_clipped`` clipped to it), ``u0``/``v0`` the upper-left
    pixel of the 2x2 neighbourhood, ``wu0``/``wv0`` the fractional offsets
    (the weights of column ``u0 + 1`` and row ``v0 + 1``), ``inside_u``/
    ``inside_v`` whether the coordinate was not clipped.
    """

    def __init__(self, grid, H, W, xp):
        B = grid.shape[0]
        grid = grid.reshape(B, 2, -1)
        # The same arithmetic as the differentiable version in backward.
        self.u = (grid[:, 0] + 1) * ((W - 1) / 2) + 1
        self.v = (grid[:, 1] + 1) * ((H - 1) / 2) + 1
        u_clipped = self.u.clip(0, W + 1)
        v_clipped = self.v.clip(0, H + 1)
        self.u0 = xp.floor(u_clipped).astype(numpy.int32).clip(0, W)
        self.v0 = xp.floor(v_clipped).astype(numpy.int32).clip(0, H)
        self.wu0 = (u_clipped - self.u0).astype(grid.dtype)
        self.wv0 = (v_clipped - self.v0).astype(grid.dtype)
        self.inside_u = (self.u > 0) & (self.u < W + 1)
        self.inside_v = (self.v > 0) & (self.v < H + 1)
        self.batch = xp.arange(B)[:, None]

    def corner(self, dv, du):
        """The index of corner ``(v0 + dv, u0 + du)`` into the padded image;
        selects an array of shape ``(B, P, C)``."""
        return (self.batch, slice(None), self.v0 + dv, self.u0 + du)


class SpatialTransformerSampler(function_node.FunctionNode):

    """Samples an image bilinearly at the points of a grid."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(2 == in_types.size())
        x_type = in_types[0]
        grid_type = in_types[1]
        type_check.expect(
            x_type.dtype.kind == 'f',
            grid_type.dtype == x_type.dtype,
            x_type.ndim == 4,
            grid_type.ndim == 4,
            grid_type.shape[1] == 2,
            x_type.shape[0] == grid_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, grid = inputs
        xp = backend.get_array_module(x)
        B, C, H, W = x.shape
        cells = _Cells(grid, H, W, xp)
        x_pad = xp.pad(x, _PAD, mode='constant')
        wu0 = cells.wu0[:, :, None]
        wv0 = cells.wv0[:, :, None]
        y = ((1 - wv0) * ((1 - wu0) * x_pad[cells.corner(0, 0)]
                          + wu0 * x_pad[cells.corner(0, 1)])
             + wv0 * ((1 - wu0) * x_pad[cells.corner(1, 0)]
                      + wu0 * x_pad[cells.corner(1, 1)]))
        # (B, P, C) -> (B, C, out_H, out_W)
        return y.transpose(0, 2, 1).reshape((B, C) + grid.shape[2:]),

    def backward(self, indexes, grad_outputs):
        # Written with differentiable functions so that it can be
        # differentiated again: the weights depend on the grid, the
        # gathered pixels on x.
        x, grid = self.get_retained_inputs()
        gy, = grad_outputs
        B, C, H, W = x.shape
        xp = backend.get_array_module(x.array)
        dtype = grid.dtype
        cells = _Cells(grid.array, H, W, xp)
        n_points = cells.u.shape[1]

        # Fractional offsets as functions of the grid; constant where the
        # coordinate was clipped.
        coords = reshape.reshape(grid, (B, 2, n_points))
        u = (get_item.get_item(coords, (slice(None), 0)) + 1) * \
            ((W - 1) / 2) + 1
        v = (get_item.get_item(coords, (slice(None), 1)) + 1) * \
            ((H - 1) / 2) + 1
        wu0 = where.where(cells.inside_u, u - cells.u0.astype(dtype),
                          cells.wu0)
        wv0 = where.where(cells.inside_v, v - cells.v0.astype(dtype),
                          cells.wv0)
        wu0 = expand_dims.expand_dims(wu0, 2)
        wv0 = expand_dims.expand_dims(wv0, 2)
        wu1 = 1 - wu0
        wv1 = 1 - wv0
        gy = transpose.transpose(reshape.reshape(gy, (B, C, n_points)),
                                 (0, 2, 1))

        ret = []
        if 0 in indexes:
            corners = [(0, 0, wv1 * wu1), (0, 1, wv1 * wu0),
                       (1, 0, wv0 * wu1), (1, 1, wv0 * wu0)]
            # One scatter for the four corners: their points side by side.
            index = (cells.batch, slice(None),
                     xp.concatenate([cells.v0 + dv for dv, _, _ in corners],
                                    axis=1),
                     xp.concatenate([cells.u0 + du for _, du, _ in corners],
                                    axis=1))
            contributions = concat.concat([gy * w for _, _, w in corners],
                                          axis=1)
            zeros = xp.zeros((B, C, H + 2, W + 2), dtype)
            gx_pad = scatter_add.scatter_add(zeros, index, contributions)
            ret.append(get_item.get_item(
                gx_pad, (Ellipsis, slice(1, -1), slice(1, -1))))
        if 1 in indexes:
            x_pad = pad.pad(x, _PAD, 'constant')
            x00, x01, x10, x11 = [get_item.get_item(x_pad, cells.corner(*c))
                                  for c in ((0, 0), (0, 1), (1, 0), (1, 1))]
            gu = sum_mod.sum(gy * (wv1 * (x01 - x00) + wv0 * (x11 - x10)),
                             axis=2)
            gv = sum_mod.sum(gy * (wu1 * (x10 - x00) + wu0 * (x11 - x01)),
                             axis=2)
            # Chain rule through the scaling to pixel coordinates; clipped
            # coordinates get no gradient.
            gu = gu * (cells.inside_u * ((W - 1) / 2)).astype(dtype)
            gv = gv * (cells.inside_v * ((H - 1) / 2)).astype(dtype)
            ret.append(reshape.reshape(stack.stack([gu, gv], axis=1),
                                       grid.shape))
        return ret


def spatial_transformer_sampler(x, grid, **kwargs):
    """Bilinear sampling of images at given points (Spatial Transformer).

    A differentiable image sampler (`Spatial Transformer Networks
    <https://arxiv.org/abs/1506.02025>`_): the feature map ``x`` is sampled
    with a bilinear kernel at the points of ``grid``. Points outside
    :math:`[-1, 1]` are sampled from the zero-padded image.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(n, c_I, h, w)``.
        grid (:class:`~chainer.Variable` or :ref:`ndarray`): Sampling
            points, of shape ``(n, 2, h_O, w_O)`` and the dtype of ``x``;
            ``grid[i, :, p, q]`` is the point sampled for output pixel
            ``(p, q)``, horizontal coordinate first. ``(-1, -1)`` is the
            upper-left corner of the input image.

    Returns:
        ~chainer.Variable: Output of shape ``(n, c_I, h_O, w_O)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2)
        >>> centre = np.zeros((1, 2, 1, 1), np.float32)
        >>> F.spatial_transformer_sampler(x, centre).array
        array([[[[1.5]]]], dtype=float32)
    """
    if kwargs:
        argument.check_unexpected_kwargs(
            kwargs, use_cudnn='The argument "use_cudnn" is not '
            'supported anymore. '
            'Use chainer.using_config(\'use_cudnn\', value) '
            'context where value can be `always`, `never`, or `auto`.')
        argument.assert_kwargs_empty(kwargs)
    return SpatialTransformerSampler().apply((x, grid))[0]
