"""Axis-argument handling shared by the reductions of this category."""
from chainer_lite.utils import type_check


def normalize_axis(axis):
    """Validates a reduction's ``axis`` argument, as a tuple (or ``None``).

    Raises:
        ValueError: If a tuple repeats an axis.
        TypeError: If ``axis`` is neither ``None``, an int nor a tuple of
            ints.
    """
    if axis is None:
        return None
    if isinstance(axis, int):
        return axis,
    if isinstance(axis, tuple) and all(isinstance(a, int) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError('duplicate value in axis: ({})'.format(
                ', '.join(map(str, axis))))
        return axis
    raise TypeError('None, int or tuple of int are required')


def expect_axes_in_range(axes, x_type):
    """Type-checks that every axis (possibly negative) indexes ``x_type``."""
    if axes is None:
        return
    for axis in axes:
        if axis >= 0:
            type_check.expect(axis < x_type.ndim)
        else:
            type_check.expect(-axis - 1 < x_type.ndim)


def keepdims_shape(shape, axes):
    """The shape of a reduction over ``axes`` (``None``: all), dims kept."""
    ndim = len(shape)
    if axes is None:
        return (1,) * ndim
    axes = [a % ndim for a in axes]
    return tuple(1 if i in axes else s for i, s in enumerate(shape))
