"""Caffe-style broadcasting of a smaller array into ``x`` from a given axis."""
from chainer_lite import configuration


def broadcast_from_axis(x, y, axis):
    """Broadcasts ``y`` to ``x.shape``, aligning ``y``'s axes from ``axis``.

    ``y.shape`` must equal ``x.shape[axis:axis + y.ndim]``; the other axes
    of ``x`` are broadcast (checked only in debug mode, as Chainer does).
    """
    from chainer_lite.functions.array import broadcast
    from chainer_lite.functions.array import reshape
    x_shape = x.shape
    y_shape = y.shape
    if configuration.config.debug:
        assert x_shape[axis:axis + len(y_shape)] == y_shape
    y1_shape = tuple([1] * axis + list(y_shape) +
                     [1] * (len(x_shape) - axis - len(y_shape)))
    return broadcast.broadcast_to(reshape.reshape(y, y1_shape), x_shape)
