"""Transpose_sequence: turn a batch of sequences into a sequence of
batches."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _transpose(xs, length):
    """Returns ``ys`` with ``ys[t][i] == xs[i][t]``; ``xs`` must be sorted
    by decreasing length."""
    if length == 0:
        return ()
    xp = backend.get_array_module(*xs)
    x_lengths = numpy.array([len(x) for x in xs])
    # ys[t] gathers step t of the len_t sequences longer than t.
    y_lengths = (x_lengths[None, :] > numpy.arange(length)[:, None]).sum(1)
    starts = numpy.concatenate(([0], numpy.cumsum(x_lengths)[:-1]))
    order = numpy.concatenate(
        [starts[:n] + t for t, n in enumerate(y_lengths)]).astype(numpy.intp)
    gathered = xp.concatenate(xs, axis=0)[xp.asarray(order)]
    return tuple(xp.split(gathered, numpy.cumsum(y_lengths)[:-1]))


class TransposeSequence(function_node.FunctionNode):

    """Transposes a list of arrays sorted by decreasing length."""

    def __init__(self, length):
        self._length = length

    @type_check._inputs_only
    def check_type_forward(self, xs_type):
        for p, n in zip(xs_type, xs_type[1:]):
            type_check.expect(
                p.shape[0] >= n.shape[0],
                p.shape[1:] == n.shape[1:],
            )

    def forward(self, inputs):
        if not inputs:
            return ()
        ys = _transpose(inputs, self._length)
        self._out_shapes = [y.shape for y in ys]
        self._xp = backend.get_array_module(*inputs)
        return ys

    def backward(self, indexes, grad_outputs):
        # Outputs that received no gradient contribute zeros.
        dtype = self.inputs[0].dtype
        grads = [self._xp.zeros(shape, dtype) if g is None else g
                 for g, shape in zip(grad_outputs, self._out_shapes)]
        return TransposeSequence(len(self.inputs)).apply(grads)


def transpose_sequence(xs):
    """Transposes a list of Variables.

    For ``[(0, 1, 2, 3), (4, 5), (6,)]`` the result is
    ``[(0, 4, 6), (1, 5), (2,), (3,)]``. The list must be sorted by
    decreasing length.

    Args:
        xs (list of :class:`~chainer.Variable` or :ref:`ndarray`): Variables
            to transpose.

    Returns:
        tuple of :class:`~chainer.Variable`: The transposed list.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> xs = [np.array([1, 2, 3]), np.array([4, 5]), np.array([6])]
        >>> F.transpose_sequence(xs)
        (variable([1, 4, 6]), variable([2, 5]), variable([3]))
    """
    if not xs:
        return ()
    return TransposeSequence(len(xs[0])).apply(xs)
