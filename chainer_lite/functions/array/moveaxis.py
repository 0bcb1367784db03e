"""Moveaxis: move axes to new positions, keeping the others in order."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _expect_axes_in_range(axes, ndim):
    for axis in axes:
        if axis >= 0:
            type_check.expect(axis < ndim)
        else:
            type_check.expect(-axis - 1 < ndim)


class Moveaxis(function_node.FunctionNode):

    """Moves axes of an array (``xp.moveaxis``)."""

    def __init__(self, source, destination):
        self.source = (source,) if isinstance(source, int) else source
        self.destination = ((destination,) if isinstance(destination, int)
                            else destination)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _expect_axes_in_range(self.source, in_types[0].ndim)
        _expect_axes_in_range(self.destination, in_types[0].ndim)

    def forward(self, inputs):
        # xp.moveaxis raises TypeError for non-integer axes and ValueError
        # for repeated axes or source/destination of different lengths.
        xp = backend.get_array_module(*inputs)
        return xp.moveaxis(inputs[0], self.source, self.destination),

    def backward(self, indexes, grad_outputs):
        return Moveaxis(self.destination, self.source).apply(grad_outputs)


def moveaxis(x, source, destination):
    """Moves the source axes to the destination.

    The other axes keep their original order. See also
    :func:`chainer.functions.transpose` and
    :func:`chainer.functions.swapaxes`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array whose
            axes are reordered.
        source (int or tuple of int): Original positions of the axes to
            move; must be unique.
        destination (int or tuple of int): Destination positions for each
            of the original axes; must be unique.

    Returns:
        ~chainer.Variable: Variable whose axes are moved.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.moveaxis(np.zeros((2, 3, 4, 5)), (0, 2), (-1, 1)).shape
        (3, 4, 5, 2)
    """
    y, = Moveaxis(source, destination).apply((x,))
    return y
