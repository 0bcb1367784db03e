"""Pad: extend a variable at its edges (numpy.pad, differentiable)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import get_item
from chainer_lite.utils import type_check


class Pad(function_node.FunctionNode):

    """Pads an array with ``xp.pad``."""

    def __init__(self, pad_width, mode, **keywords):
        self.mode = mode
        self.keywords = keywords
        self.pad_width = pad_width

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        # Whether pad_width and the keywords suit the input is left to
        # xp.pad, which raises for bad combinations.
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(x_type.dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.pad(x, self.pad_width, mode=self.mode, **self.keywords),

    def backward(self, indexes, grad_outputs):
        # The input sits unchanged inside the padded output, whatever the
        # mode; the gradient is that window of the output gradient.
        in_shape = self.inputs[0].shape
        before = numpy.broadcast_to(
            numpy.asarray(self.pad_width), (len(in_shape), 2))[:, 0]
        window = tuple(slice(int(b), int(b) + dim)
                       for b, dim in zip(before, in_shape))
        return get_item.get_item(grad_outputs[0], window),


def pad(x, pad_width, mode, **keywords):
    """Pads an input variable.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input data (a
            float array).
        pad_width (int or array-like): Number of values padded to the edges
            of each axis, as in :func:`numpy.pad`.
        mode (str): How the periphery is filled; passed to
            :func:`numpy.pad` or :func:`cupy.pad`. With ``'constant'`` the
            value is given by ``constant_values``.
        constant_values (int or array-like): Values to fill the periphery
            in the ``'constant'`` mode.

    Returns:
        ~chainer.Variable: The padded variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.pad(np.ones(2, np.float32), 1, 'constant').array
        array([0., 1., 1., 0.], dtype=float32)
    """
    y, = Pad(pad_width, mode, **keywords).apply((x,))
    return y
