"""Broadcasting of variables to a common or given shape."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


def _sum_to(x, shape):
    from chainer_lite.functions.math import sum as sum_mod
    return sum_mod.sum_to(x, shape)


class Broadcast(function_node.FunctionNode):

    """Function that broadcasts given arrays."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        shapes = [t.shape for t in in_types]
        type_check.expect_broadcast_shapes(*shapes)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return tuple(xp.broadcast_arrays(*inputs))

    def backward(self, indexes, grad_outputs):
        return tuple([None if grad_outputs[i] is None else
                      _sum_to(grad_outputs[i], self.inputs[i].shape)
                      for i in indexes])


def broadcast(*args):
    """Broadcast given variables.

    Args:
        args (:class:`~chainer.Variable` or :ref:`ndarray`): Input variables
            to be broadcasted together.

    Returns:
        ~chainer.Variable or tuple of ~chainer.Variable: The broadcasted
        variable(s) (one Variable when one argument is given).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y, z = F.broadcast(np.zeros((3, 1)), np.zeros(2))
        >>> y.shape, z.shape
        ((3, 2), (3, 2))
    """
    if len(args) == 1:
        return variable.as_variable(args[0])
    return Broadcast().apply(args)


class BroadcastTo(function_node.FunctionNode):

    """Function that broadcasts an array to a specified shape."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        ndim = type_check.make_variable(len(self._shape), 'len(shape)')
        type_check.expect(in_types[0].ndim <= ndim)
        shape = type_check.eval(in_types[0].shape)
        for i in range(-1, -len(shape) - 1, -1):
            if shape[i] == self._shape[i] or shape[i] == 1:
                continue
            expect = 'in_type[0].shape[%d] == %d' % (i, self._shape[i])
            if self._shape[i] != 1:
                expect += ' or in_type[0].shape[%d] == 1' % i
            actual = 'in_type[0].shape: %s' % str(shape)
            raise type_check.InvalidType(expect, actual)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.broadcast_to(x, self._shape),

    def backward(self, indexes, grad_outputs):
        return _sum_to(grad_outputs[0], self.inputs[0].shape),


def broadcast_to(x, shape):
    """Broadcast a given variable to a given shape.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        shape (tuple of int): The target shape.

    Returns:
        ~chainer.Variable: Variable of the given shape.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.broadcast_to(np.arange(3.0), (2, 3)).array
        array([[0., 1., 2.],
               [0., 1., 2.]])
    """
    if x.shape == shape:
        return variable.as_variable(x)
    y, = BroadcastTo(shape).apply((x,))
    return y
