"""Maxout: the maximum over groups of ``pool_size`` units along an axis."""
from chainer_lite.functions.array import reshape
from chainer_lite.functions.math import minmax
from chainer_lite.utils import type_check


def maxout(x, pool_size, axis=1):
    """Maximum over groups of units along an axis (maxout).

    The ``axis`` dimension of ``x``, of size ``M * pool_size``, is split
    into ``(M, pool_size)`` and the maximum is taken over each group of
    ``pool_size``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array (the first axis usually being the minibatch).
        pool_size (int): The number of units in each group.
        axis (int): The axis to group; its size must be a multiple of
            ``pool_size``.

    Returns:
        ~chainer.Variable: Output variable, the same shape as ``x`` except
        that the ``axis`` dimension is divided by ``pool_size``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1.0, 5.0, 2.0, 0.0]])
        >>> F.maxout(x, 2).array
        array([[5., 2.]])

    The link :class:`~chainer.links.Maxout` adds the linear layer.
    """
    if pool_size <= 0:
        raise ValueError('pool_size must be a positive integer.')
    x_shape = x.shape
    if x_shape[axis] % pool_size != 0:
        raise type_check.InvalidType(
            'x.shape[axis] % pool_size == 0',
            'x.shape[axis]={}, pool_size={}'.format(x_shape[axis], pool_size),
            'axis dimension must be divided by pool_size')
    # Split the axis into (groups, pool_size) and reduce the new one.
    n_groups = x_shape[axis] // pool_size
    grouped = reshape.reshape(
        x, x_shape[:axis] + (n_groups, pool_size) + x_shape[axis + 1:])
    return minmax.max(grouped, axis=axis + 1)
