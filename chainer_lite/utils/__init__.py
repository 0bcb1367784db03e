"""Small helpers shared across chainer_lite (``chainer.utils``)."""
import collections.abc
import contextlib
import shutil
import tempfile

import numpy

from chainer_lite.utils.array import size_of_shape  # NOQA
from chainer_lite.utils.array import sum_to  # NOQA
from chainer_lite.utils.conv import get_conv_outsize  # NOQA
from chainer_lite.utils.conv import get_deconv_outsize  # NOQA
from chainer_lite.utils.error import _format_array_props  # NOQA
from chainer_lite.utils.experimental import experimental  # NOQA
from chainer_lite.utils.meta import enable_final  # NOQA
from chainer_lite.utils.meta import final  # NOQA
from chainer_lite.utils.nondeterministic import nondeterministic  # NOQA
from chainer_lite.utils.sparse import CooMatrix  # NOQA
from chainer_lite.utils.sparse import get_order  # NOQA
from chainer_lite.utils.sparse import to_coo  # NOQA

# Chainer code imports ``collections_abc`` from here.
collections_abc = collections.abc


def __getattr__(name):
    # WalkerAlias depends on chainer_lite.device_resident, which imports the
    # core; resolving it on first use keeps ``import chainer_lite.utils``
    # free of import cycles.
    if name == 'WalkerAlias':
        from chainer_lite.utils.walker_alias import WalkerAlias
        return WalkerAlias
    raise AttributeError(
        "module 'chainer_lite.utils' has no attribute '{}'".format(name))


def force_array(x, dtype=None):
    """Makes sure a computation's result is an array, not a NumPy scalar.

    NumPy returns scalars for many operations on 0-dim arrays, while
    functions must return arrays.

    Args:
        x: An array or a scalar.
        dtype: If given, the result is cast to it (without a copy when the
            dtype already matches).

    Returns:
        An array (0-dim for a scalar input).

    Example:

        >>> import numpy as np
        >>> from chainer import utils
        >>> utils.force_array(np.float32(2) * np.float32(3))
        array(6., dtype=float32)
    """
    if type(x) is numpy.ndarray and (dtype is None or x.dtype == dtype):
        return x  # the common case, checked first because it is hot
    if numpy.isscalar(x):
        if dtype is None:
            return numpy.array(x)
        return numpy.array(x, dtype)
    if dtype is None:
        return x
    return x.astype(dtype, copy=False)


def force_type(dtype, value):
    """Casts a scalar or an array to ``dtype``, copying arrays only if needed.

    Args:
        dtype (numpy.dtype): The target dtype.
        value: A scalar or an array.

    Returns:
        A scalar of type ``dtype.type`` or an array of dtype ``dtype``.
    """
    if numpy.isscalar(value):
        return dtype.type(value)
    if value.dtype != dtype:
        return value.astype(dtype, copy=False)
    return value


@contextlib.contextmanager
def tempdir(**kwargs):
    """Creates a temporary directory that is removed on leaving the block.

    Args:
        ignore_errors (bool): Passed to :func:`shutil.rmtree` on removal.
        kwargs: Other arguments of :func:`tempfile.mkdtemp`.

    Yields:
        str: The directory's path.
    """
    ignore_errors = kwargs.pop('ignore_errors', False)
    path = tempfile.mkdtemp(**kwargs)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=ignore_errors)


def _repr_with_named_data(inst, **kwargs):
    # '<module.Class key=value ...>', for hooks and similar objects.
    return '<{}.{} {}>'.format(
        inst.__module__, type(inst).__qualname__,
        ' '.join(['{}={}'.format(k, v) for k, v in kwargs.items()]))


def _check_arrays_forward_compatible(arrays, label=None):
    # Called by every FunctionNode.apply: the all-NumPy case returns at once.
    for a in arrays:
        if type(a) is not numpy.ndarray:
            break
    else:
        return
    import chainer_lite
    if not chainer_lite.is_arrays_compatible(arrays):
        raise TypeError(
            'incompatible array types are mixed in the forward input{}.\n'
            'Actual: {}'.format(
                '' if label is None else ' ({})'.format(label),
                ', '.join([str(type(a)) for a in arrays])))


def _raise_from(exc_type, message, orig_exc):
    # Raises exc_type whose message also shows the original exception, with
    # the original traceback.
    message = '{}\n\n(caused by)\n{}: {}\n'.format(
        message, type(orig_exc).__name__, orig_exc)
    raise exc_type(message).with_traceback(orig_exc.__traceback__) from None
