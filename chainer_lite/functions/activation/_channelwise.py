"""Layout of a parameter that spans the axes right after the batch axis.

PReLU's ``W`` and Swish's ``beta`` cover ``x.shape[1:1 + k]`` and are shared
by the batch axis and by every axis after them.
"""


def param_view_shape(param_ndim, param_shape, x_ndim):
    """Shape under which the parameter broadcasts against ``x``."""
    return (1,) + tuple(param_shape) + (1,) * (x_ndim - 1 - param_ndim)


def shared_axes(param_ndim, x_ndim):
    """Axes of ``x`` over which the parameter is shared (for its grad)."""
    trailing = range(1 + param_ndim, x_ndim)
    return (0,) + tuple(trailing)
