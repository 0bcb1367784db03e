"""The base class of array initializers and the fan computation they share."""
from chainer_lite import utils


class Initializer(object):
    """Base class of objects that fill an array with initial values.

    A subclass implements :meth:`__call__`, which writes the values into the
    given array in place.

    Args:
        dtype: Dtype the initialized arrays must have; ``None`` accepts any
            dtype (and lets :func:`~chainer.initializers.generate_array` use
            ``chainer.config.dtype``).

    Attributes:
        dtype: The dtype given at construction.
    """

    def __init__(self, dtype=None):
        self.dtype = dtype

    def __call__(self, array):
        """Fills ``array`` with initial values, in place.

        Args:
            array (:ref:`ndarray`): The array to initialize.
        """
        raise NotImplementedError()


def get_fans(shape):
    """Returns the fan-in and fan-out of a weight of the given shape.

    The first axis is the output axis, the second the input axis; any further
    axes form the receptive field, which multiplies both fans.

    Args:
        shape (tuple of int): Weight shape, of length 2 or more.

    Returns:
        tuple of int: ``(fan_in, fan_out)``.

    Raises:
        ValueError: ``shape`` is not a tuple or has fewer than 2 axes.

    Example:

        >>> from chainer import initializer
        >>> initializer.get_fans((2, 3, 4))
        (12, 8)
    """
    if not isinstance(shape, tuple):
        raise ValueError(
            'shape must be tuple. Actual type: {}'.format(type(shape)))
    if len(shape) < 2:
        raise ValueError(
            'shape must be of length >= 2. Actual shape: {}'.format(shape))
    receptive_field = utils.size_of_shape(shape[2:])
    return shape[1] * receptive_field, shape[0] * receptive_field
