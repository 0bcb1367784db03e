"""Array shape helpers (``chainer.utils.array``)."""
import warnings

import numpy

from chainer_lite import backend


def as_vec(x):
    """Flattens an array (deprecated; use ``ravel``)."""
    warnings.warn(
        'chainer.utils.array.as_vec is deprecated. Please refer to '
        'numpy.ravel or other array backend functions to flatten ndarrays.',
        DeprecationWarning)
    if x.ndim == 1:
        return x
    return x.ravel()


def as_mat(x):
    """Reshapes an array to 2-D keeping the first axis (deprecated)."""
    warnings.warn(
        'chainer.utils.array.as_mat is deprecated. Please refer to '
        'numpy.reshape or other array backend functions to reshape ndarrays.',
        DeprecationWarning)
    if x.ndim == 2:
        return x
    return x.reshape(len(x), -1)


def empty_like(x):
    """Returns an uninitialized array like ``x`` (deprecated)."""
    warnings.warn(
        'chainer.utils.array.empty_like is deprecated. Please refer to '
        'numpy.empty_like or other array backend functions to initialize '
        'empty arrays.',
        DeprecationWarning)
    return backend.get_array_module(x).empty_like(x)


def size_of_shape(shape):
    """Number of elements of an array of the given shape, as a Python int.

    Args:
        shape (tuple of int): The shape.

    Returns:
        int: The product of the dimensions (1 for ``()``).

    Example:

        >>> from chainer import utils
        >>> utils.size_of_shape((2, 3, 4))
        24
    """
    size = 1
    for dim in shape:
        size *= dim
    return int(size)


def sum_to(x, shape):
    """Sums an array down to ``shape``, undoing NumPy broadcasting.

    Leading axes that ``shape`` lacks are summed away, and axes where
    ``shape`` has 1 are summed with the dimension kept.

    Args:
        x: A NumPy or CuPy array (not a Variable; see
            :func:`chainer.functions.sum_to`).
        shape (tuple of int): The target shape, broadcastable to
            ``x.shape``.

    Returns:
        The summed array (``x`` itself if it already has the shape).

    Example:

        >>> import numpy as np
        >>> from chainer import utils
        >>> utils.sum_to(np.ones((2, 3)), (1, 3))
        array([[2., 2., 2.]])
    """
    if x.shape == shape:
        return x
    if not isinstance(x, numpy.ndarray):
        from chainer_lite import variable
        if isinstance(x, variable.Variable):
            raise TypeError(
                'chainer.utils.sum_to does not support Variable input. '
                'Use chainer.functions.sum_to instead.')
    lead = x.ndim - len(shape)
    lead_axes = tuple(range(lead))
    ones_axes = tuple([i + lead for i, dim in enumerate(shape) if dim == 1])
    y = x.sum(lead_axes + ones_axes, keepdims=True)
    if lead > 0:
        y = y.squeeze(lead_axes)
    return y
