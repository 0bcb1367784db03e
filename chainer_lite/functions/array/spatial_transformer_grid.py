"""Spatial_transformer_grid: sampling grid of an affine warp (Spatial
Transformer Networks)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


def _target_coordinates(output_shape, dtype, xp):
    """Homogeneous coordinates ``(x, y, 1)`` of the output pixels, scaled to
    ``[-1, 1]``, as an array of shape ``(3, H * W)``."""
    H, W = output_shape
    ys, xs = xp.meshgrid(xp.linspace(-1, 1, H, dtype=dtype),
                         xp.linspace(-1, 1, W, dtype=dtype), indexing='ij')
    return xp.stack([xs.ravel(), ys.ravel(), xp.ones(H * W, dtype)])


class SpatialTransformerGrid(function_node.FunctionNode):

    """Maps the output pixel coordinates through affine matrices."""

    def __init__(self, output_shape):
        self.output_shape = output_shape

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('theta',))
        theta_type = in_types[0]
        type_check.expect(
            theta_type.dtype.kind == 'f',
            theta_type.ndim == 3,
            theta_type.shape[1] == 2,
            theta_type.shape[2] == 3,
        )

    def forward(self, inputs):
        theta, = inputs
        xp = backend.get_array_module(theta)
        coords = _target_coordinates(self.output_shape, theta.dtype, xp)
        grid = xp.matmul(theta, coords)
        return grid.reshape((len(theta), 2) + tuple(self.output_shape)),

    def backward(self, indexes, grad_outputs):
        return SpatialTransformerGridGrad(self.output_shape).apply(
            grad_outputs)


class SpatialTransformerGridGrad(function_node.FunctionNode):

    """The gradient of the affine matrices (the grid is linear in them)."""

    def __init__(self, output_shape):
        self.output_shape = output_shape

    def forward(self, inputs):
        ggrid, = inputs
        xp = backend.get_array_module(ggrid)
        coords = _target_coordinates(self.output_shape, ggrid.dtype, xp)
        ggrid = ggrid.reshape(len(ggrid), 2, -1)
        return xp.matmul(ggrid, coords.T),

    def backward(self, indexes, grad_outputs):
        return SpatialTransformerGrid(self.output_shape).apply(grad_outputs)


def spatial_transformer_grid(theta, output_shape, **kwargs):
    """Sampling grid of an affine warp, for a Spatial Transformer.

    Generates the coordinates of the points sampled from an image for the
    warping of `Spatial Transformer Networks
    <https://arxiv.org/abs/1506.02025>`_: the target pixel
    :math:`(x^t_i, y^t_i)` samples the source point
    :math:`(x^s_i, y^s_i)^T = \\theta (x^t_i, y^t_i, 1)^T`.

    Args:
        theta (:class:`~chainer.Variable` or :ref:`ndarray`): A batch of
            :math:`2 \\times 3` matrices, of shape ``(n, 2, 3)``.
        output_shape (tuple): ``(h_O, w_O)``.

    Returns:
        ~chainer.Variable: The grid, of shape ``(n, 2, h_O, w_O)``; along
        the second axis the x coordinate comes first, then y. Coordinates
        are scaled to ``[-1, 1]``: ``(-1, -1)`` is the upper-left corner of
        the input image.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> identity = np.array([[[1, 0, 0], [0, 1, 0]]], np.float32)
        >>> F.spatial_transformer_grid(identity, (2, 3)).array[0, 0]
        array([[-1.,  0.,  1.],
               [-1.,  0.,  1.]], dtype=float32)
    """
    if kwargs:
        argument.check_unexpected_kwargs(
            kwargs, use_cudnn='The argument "use_cudnn" is not '
            'supported anymore. '
            'Use chainer.using_config(\'use_cudnn\', value) '
            'context where value can be `always`, `never`, or `auto`.')
        argument.assert_kwargs_empty(kwargs)
    return SpatialTransformerGrid(output_shape).apply((theta,))[0]
