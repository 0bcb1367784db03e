"""L.Bias: adds a learned (or given) bias broadcast along some axes."""
import chainer_lite
from chainer_lite.functions.math import bias
from chainer_lite import link
from chainer_lite import variable


def _split_inputs(xs, learned):
    # ``(x, operand)``: the operand is the learned parameter when the link
    # has one (then ``xs`` is just ``x``), else the second input.
    n_expected = 2 if learned is None else 1
    if chainer_lite.is_debug():
        assert len(xs) == n_expected
    if learned is None:
        x, operand = xs
    else:
        x, = xs
        operand = learned
    return x, operand


class Bias(link.Link):
    """Adds a bias to the input, broadcast from axis ``axis`` on.

    With ``shape`` the bias is a parameter ``b`` (initialized to zero) and
    the link takes one input; without it the link takes the input and the
    bias as two arguments.

    Args:
        axis (int): First axis of the input the bias is aligned with.
        shape (tuple of ints): Shape of the learned bias, or ``None``.

    .. seealso:: :func:`~chainer.functions.bias`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> link = L.Bias(shape=(3,))
        >>> link.b.array[...] = [1, 2, 3]
        >>> link(np.zeros((2, 3), np.float32)).array
        array([[1., 2., 3.],
               [1., 2., 3.]], dtype=float32)
    """

    def __init__(self, axis=1, shape=None):
        super(Bias, self).__init__()
        if shape is not None:
            with self.init_scope():
                self.b = variable.Parameter(0, shape)
        self.axis = axis

    def forward(self, *xs):
        """Adds the bias.

        Args:
            xs: ``x`` alone (learned bias) or ``x, y`` (``y`` is the bias).

        Returns:
            ~chainer.Variable: ``x`` plus the broadcast bias.
        """
        x, b = _split_inputs(xs, getattr(self, 'b', None))
        return bias.bias(x, b, self.axis)
