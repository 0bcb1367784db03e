"""Caffe-style broadcasting of a smaller array into ``x`` from a given axis."""
from chainer_lite import configuration


def broadcast_from_axis(x, y, axis):
    """Broadcasts ``y`` to ``x.shape``, aligning ``y``'s axes from ``axis``.

    ``y.shape`` must equal ``x.shape[axis:axis + y.ndim]``; the other axes
    of ``x`` are broadcast (checked only in debug mode, as Chainer does).
    """
    from chainer_lite.functions.array import broadcast
    from chainer_lite.functions.array import reshape
    end = axis + len(y.shape)
    if configuration.config.debug:
        assert tuple(x.shape[axis:end]) == tuple(y.shape)
    # y's axes in place, length-one axes before and after them.
    padded = (1,) * axis + tuple(y.shape) + (1,) * (len(x.shape) - end)
    return broadcast.broadcast_to(reshape.reshape(y, padded), x.shape)
