"""Initializers that fill arrays with fixed values (constants, identity)."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer


def _check_dtype(init, array):
    # Unlike the random initializers, Chainer's constant ones assert without
    # a message.
    if init.dtype is not None:
        assert array.dtype == init.dtype


class Identity(initializer.Initializer):
    """Initializes a square matrix with a multiple of the identity matrix.

    Args:
        scale (scalar): Factor of the identity matrix.
        dtype: Data type specifier.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> a = np.empty((2, 2), np.float32)
        >>> initializers.Identity(2.0)(a)
        >>> a
        array([[2., 0.],
               [0., 2.]], dtype=float32)
    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(Identity, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        if array.ndim != 2 or len(set(array.shape)) != 1:
            raise ValueError('Identity matrix initialization can only be used '
                             'for 2D squared matrices.')
        xp = backend.get_device_from_array(array).xp
        array[...] = self.scale * xp.eye(len(array))


class _Constant(initializer.Initializer):
    # Subclasses set ``fill_value`` (a scalar or an array broadcast to the
    # initialized array).

    fill_value = None

    def __init__(self, dtype=None):
        value = self.fill_value
        if not (numpy.isscalar(value)
                or isinstance(value, backend.get_array_types())):
            raise ValueError(
                'fill_value must be either scalar, numpy.ndarray, '
                'cupy.ndarray or chainerx.ndarray.')
        super(_Constant, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        value = self.fill_value
        if numpy.isscalar(value):
            # Broadcast on assignment, on the array's own device.
            xp = backend.get_device_from_array(array).xp
            array[...] = xp.asarray(value)
            return
        # An array value: copyto also brings it to the array's device.
        backend.copyto(array, value.astype(array.dtype, copy=False))


class Constant(_Constant):
    """Initializes an array with a constant (broadcast if it is an array).

    Args:
        fill_value (scalar or :ref:`ndarray`): The value to fill with.
        dtype: Data type specifier.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> a = np.empty(3, np.float32)
        >>> initializers.Constant(0.5)(a)
        >>> a
        array([0.5, 0.5, 0.5], dtype=float32)
    """

    def __init__(self, fill_value, dtype=None):
        self.fill_value = fill_value
        super(Constant, self).__init__(dtype)


class Zero(_Constant):
    """Initializes an array with zeros.

    Args:
        dtype: Data type specifier.
    """

    fill_value = 0.0


class One(_Constant):
    """Initializes an array with ones.

    Args:
        dtype: Data type specifier.
    """

    fill_value = 1.0


class NaN(_Constant):
    """Initializes an array with NaN (marks values not yet computed).

    Args:
        dtype: Data type specifier.
    """

    fill_value = numpy.nan
