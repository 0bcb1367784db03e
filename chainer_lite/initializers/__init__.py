"""Array initializers (``chainer.initializers``) and :func:`generate_array`."""
import numpy

import chainer_lite
from chainer_lite import backend

from chainer_lite.initializers.constant import Constant
from chainer_lite.initializers.constant import Identity  # NOQA
from chainer_lite.initializers.constant import NaN  # NOQA
from chainer_lite.initializers.constant import One  # NOQA
from chainer_lite.initializers.constant import Zero  # NOQA
from chainer_lite.initializers.normal import GlorotNormal  # NOQA
from chainer_lite.initializers.normal import HeNormal  # NOQA
from chainer_lite.initializers.normal import LeCunNormal
from chainer_lite.initializers.normal import Normal  # NOQA
from chainer_lite.initializers.orthogonal import Orthogonal  # NOQA
from chainer_lite.initializers.sampling import DownsamplingConvFilter  # NOQA
from chainer_lite.initializers.sampling import UpsamplingDeconvFilter  # NOQA
from chainer_lite.initializers.uniform import GlorotUniform  # NOQA
from chainer_lite.initializers.uniform import HeUniform  # NOQA
from chainer_lite.initializers.uniform import LeCunUniform  # NOQA
from chainer_lite.initializers.uniform import Uniform  # NOQA


def generate_array(initializer, shape, xp, dtype=None, device=None):
    """Creates an array of the given shape and fills it with an initializer.

    The dtype is ``dtype`` if given, else the initializer's ``dtype``
    attribute, else ``chainer.config.dtype``.

    Args:
        initializer: A callable that fills an array in place.
        shape (int or tuple of int): Shape of the array.
        xp (module): :mod:`numpy` or :mod:`cupy`.
        dtype: Dtype specifier; must agree with ``initializer.dtype`` when
            both are given.
        device: Device specifier of the array; by default the current device
            of ``xp``.

    Returns:
        :ref:`ndarray`: The initialized array.

    Raises:
        ValueError: ``dtype`` contradicts the initializer's dtype, or
            ``device`` does not belong to ``xp``.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> initializers.generate_array(initializers.One(), (2,), np)
        array([1., 1.], dtype=float32)
    """
    declared = getattr(initializer, 'dtype', None)
    if dtype is None:
        dtype = declared
    elif declared is not None and numpy.dtype(dtype) != numpy.dtype(declared):
        raise ValueError(
            'dtype mismatch: {} != {}'.format(dtype, declared))
    dtype = chainer_lite.get_dtype(dtype)

    if device is None:
        target = backend._guess_device_from_array_module(xp)
    else:
        target = backend.get_device(device)
        if target.xp != xp:
            raise ValueError('xp and device arguments are inconsistent.')
    with backend.using_device(target):
        array = xp.empty(shape, dtype=dtype)
        initializer(array)
    return array


def _is_constant_like(value):
    # Arrays and scalars stand for Constant initializers.
    return (numpy.isscalar(value)
            or isinstance(value, backend.get_array_types()))


def _get_initializer(initializer):
    # What links do with their ``initialW``-like arguments: None means
    # LeCunNormal, an array or a scalar means Constant, a callable is used
    # as is.
    if initializer is None:
        return LeCunNormal()
    if _is_constant_like(initializer):
        return Constant(initializer)
    if callable(initializer):
        return initializer
    raise TypeError('invalid type of initializer: %s' % type(initializer))


def _check_is_initializer_like(initializer):
    # Initializer objects are callable too.
    if not (initializer is None or callable(initializer)
            or _is_constant_like(initializer)):
        raise TypeError(
            'Initializer is of wrong type: {}. Allowed types are Initializer, '
            'ndarray and scalar.'.format(type(initializer)))
