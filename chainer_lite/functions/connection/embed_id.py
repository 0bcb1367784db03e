"""Embedding lookup: rows of a weight matrix selected by integer IDs."""
import numpy

import chainer_lite
from chainer_lite import _backprop_utils
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _check_ids(x, n_rows, ignored):
    # Debug mode only: every ID must name a row of W, unless ignored.
    ok = (x >= 0) & (x < n_rows)
    if ignored is not None:
        ok |= ignored
    if not ok.all():
        raise ValueError('Each not ignored `x` value need to satisfy '
                         '`0 <= x < len(W)`')


class EmbedIDFunction(function_node.FunctionNode):

    """``y[...] = W[x[...]]``, with rows of ``ignore_label`` IDs set to 0."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, w_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'i',
            x_type.ndim >= 1,
        )
        type_check.expect(
            w_type.dtype.kind == 'f',
            w_type.ndim == 2
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, W = inputs
        self._w_shape = W.shape
        xp = backend.get_array_module(*inputs)
        ignored = None
        if self.ignore_label is not None:
            ignored = x == self.ignore_label
        if chainer_lite.is_debug():
            _check_ids(x, len(W), ignored)
        if ignored is None:
            return W[x],
        # Ignored IDs may be out of range: they look up row 0, and their
        # rows of the (freshly gathered) result are then cleared.
        rows = W[xp.where(ignored, 0, x)]
        rows[ignored] = 0
        return rows,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gW, = EmbedIDGrad(self._w_shape, self.ignore_label).apply(
            (x, grad_outputs[0]))
        return None, gW

    def backward_accumulate(self, target_input_indexes, grad_outputs,
                            grad_inputs):
        # An embedding used at many steps (an unrolled RNN) gets a dense
        # V x d gradient from each of them. Without double backprop, the
        # rows of later steps are added straight into one buffer that the
        # gradient table owns (Variable._accumulator), instead.
        if 1 not in target_input_indexes or grad_outputs[0] is None or \
                chainer_lite.config.enable_backprop:
            return super(EmbedIDFunction, self).backward_accumulate(
                target_input_indexes, grad_outputs, grad_inputs)
        x, = self.get_retained_inputs()
        total = grad_inputs[-1]
        if total is None:
            total, = EmbedIDGrad(self._w_shape, self.ignore_label).apply(
                (x, grad_outputs[0]))
            total._accumulator = True  # fresh, and held by nothing else
        else:
            if not total._accumulator:  # never write into another's array
                total = _backprop_utils._owned_copy(total)
            _scatter_add_rows(total.array, x.array, grad_outputs[0].array,
                              self.ignore_label)
        if len(target_input_indexes) == 2:
            return grad_inputs[0], total
        return total,


def _scatter_add_rows(gW, x, gy, ignore_label):
    # gW[x[i]] += gy[i] for every ID (repeated IDs add up), skipping ignored
    # IDs.
    gy = gy.reshape(x.size, -1)
    x = x.ravel()
    if ignore_label is not None:
        keep = x != ignore_label
        x, gy = x[keep], gy[keep]
    if isinstance(gW, numpy.ndarray):
        numpy.add.at(gW, x, gy)
    else:
        # CuPy's atomic scatter-add.
        from cupyx import scatter_add
        scatter_add(gW, x, gy)


class EmbedIDGrad(function_node.FunctionNode):

    """Scatter-add of ``gy`` rows into a zero matrix of shape ``w_shape``."""

    def __init__(self, w_shape, ignore_label=None):
        self.w_shape = w_shape
        self.ignore_label = ignore_label

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, gy = inputs
        xp = backend.get_array_module(*inputs)
        gW = xp.zeros(self.w_shape, dtype=gy.dtype)
        _scatter_add_rows(gW, x, gy, self.ignore_label)
        return gW,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        # The map gy -> gW is linear; its adjoint is the lookup itself.
        ggy = embed_id(x, grad_outputs[0], self.ignore_label)
        return None, ggy


def embed_id(x, W, ignore_label=None):
    """Efficient linear function for one-hot input (word embeddings).

    For integer IDs ``x`` and a :math:`V \\times d` matrix ``W`` it returns
    the rows ``W[x]``, i.e. an array of shape ``x.shape + (d,)``. It is
    differentiable with respect to ``W`` only.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): IDs, a signed
            integer array of at least one dimension.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): The embeddings,
            one row per ID.
        ignore_label (int or None): IDs equal to it produce rows of zeros
            (and no gradient).

    Returns:
        ~chainer.Variable: The looked-up rows, ``x.shape + (d,)``.

    .. seealso:: :class:`~chainer.links.EmbedID`.

    Example:

        >>> W = np.array([[0.5, -1], [2, 3], [7, 8]], np.float32)
        >>> ids = np.array([[0, 2], [2, -1]], np.int32)
        >>> F.embed_id(ids, W, ignore_label=-1).array
        array([[[ 0.5, -1. ],
                [ 7. ,  8. ]],
        <BLANKLINE>
               [[ 7. ,  8. ],
                [ 0. ,  0. ]]], dtype=float32)
    """
    node = EmbedIDFunction(ignore_label=ignore_label)
    return node.apply((x, W))[0]
