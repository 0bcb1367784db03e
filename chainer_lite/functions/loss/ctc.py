"""Connectionist temporal classification (CTC) loss."""
import collections.abc

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import function
from chainer_lite.functions.array import stack
from chainer_lite import utils
from chainer_lite.utils import type_check


def _logsumexp(a, xp, axis=None):
    vmax = xp.amax(a, axis=axis, keepdims=True)
    vmax = vmax + xp.log(xp.sum(xp.exp(a - vmax), axis=axis, keepdims=True,
                                dtype=a.dtype))
    return xp.squeeze(vmax, axis=axis)


def _softmax(x, xp):
    val = xp.exp(x - xp.amax(x, axis=2, keepdims=True))
    val /= xp.sum(val, axis=2, keepdims=True)
    return val


def _label_to_path(labels, blank_symbol, xp):
    # The label sequence with a blank before, between and after its labels.
    path = xp.full((len(labels), labels.shape[1] * 2 + 1),
                   blank_symbol, dtype=numpy.int32)
    path[:, 1::2] = labels
    return path


def _flip_path(path, path_length, xp):
    # Reverses the first path_length[b] entries of each path (the padding
    # moves to the front, where it is never reached).
    n_batch, n_label = path.shape
    rotate = (xp.arange(n_label) + path_length[:, None]) % n_label
    return path[xp.arange(n_batch, dtype=xp.int32)[:, None],
                rotate][:, ::-1]


def _flip_label_probability(y, input_length, xp):
    # Reverses the first input_length[b] time steps of each sequence.
    seq, n_batch, n_vocab = y.shape
    rotate = (xp.arange(seq, dtype=xp.int32)[:, None] + input_length) % seq
    return y[
        rotate[:, :, None],
        xp.arange(n_batch, dtype=xp.int32)[None, :, None],
        xp.arange(n_vocab, dtype=xp.int32)[None, None, :]][::-1]


def _flip_path_probability(prob, input_length, path_length, xp):
    # Both flips at once, for the (time, batch, path) lattice.
    seq, n_batch, n_label = prob.shape
    rotate_input = ((xp.arange(seq, dtype=xp.int32)[:, None] + input_length)
                    % seq)
    rotate_label = ((xp.arange(n_label, dtype=xp.int32)
                     + path_length[:, None]) % n_label)
    return prob[
        rotate_input[:, :, None],
        xp.arange(n_batch, dtype=xp.int32)[None, :, None],
        rotate_label][::-1, :, ::-1]


class ConnectionistTemporalClassification(function.Function):

    """CTC loss of ``(input_length, label_length, t, x)``, ``x`` being the
    stacked (time, batch, vocabulary) scores.

    It works in log space, where log(0) is represented by a large negative
    ``zero_padding``.
    """

    def __init__(self, blank_symbol, reduce='mean'):
        self.blank_symbol = blank_symbol
        self.zero_padding = None
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(
            in_types, ('input_length', 'label_length', 't', 'x'))
        input_length_type, label_length_type, t_type, x_type = in_types
        type_check.expect(
            input_length_type.dtype == numpy.int32,
            input_length_type.ndim == 1,
            label_length_type.dtype == numpy.int32,
            label_length_type.ndim == 1,
            t_type.ndim == 2,
            t_type.dtype == numpy.int32,
            x_type.ndim == 3,
            x_type.dtype.kind == 'f',
        )
        n_batch = x_type.shape[1]
        type_check.expect(
            t_type.shape[0] == n_batch,
            input_length_type.shape[0] == n_batch,
            label_length_type.shape[0] == n_batch,
        )

    def log_matrix(self, x, xp):
        zero = x == 0
        res = xp.where(zero, self.zero_padding, xp.log(xp.where(zero, 1, x)))
        return res.astype(x.dtype, copy=False)

    def label_probability(self, label_size, path, path_length,
                          multiply_seq, xp):
        # Sums the lattice occupancy of the path positions per vocabulary
        # entry: ret[s, b, c] = sum_{p < len_b, path[b, p] == c}
        # multiply_seq[s, b, p].
        n_batch, max_path_length = path.shape
        dtype = multiply_seq.dtype
        in_path = xp.arange(max_path_length) < path_length[:, None]
        one_hot = ((path[:, :, None] == xp.arange(label_size))
                   & in_path[:, :, None]).astype(dtype)
        return xp.einsum('sbp,bpc->sbc', multiply_seq, one_hot)

    def _computes_transition(self, prev_prob, path, path_length, cum_prob,
                             y):
        xp = backend.get_array_module(prev_prob)
        n_batch, max_path_length = path.shape
        # A path position is reached from itself, from the previous one, or
        # (skipping a blank) from two before unless the labels repeat.
        mat = xp.full((3, n_batch, max_path_length), self.zero_padding,
                      y.dtype)
        mat[0, :, :] = prev_prob
        mat[1, :, 1:] = prev_prob[:, :-1]
        mat[2, :, 2:] = prev_prob[:, :-2]
        same_transition = path[:, :-2] == path[:, 2:]
        mat[2, :, 2:][same_transition] = self.zero_padding
        prob = _logsumexp(mat, xp, axis=0)
        outside = xp.arange(max_path_length) >= path_length[:, None]
        prob[outside] = self.zero_padding
        cum_prob += prob
        batch_index = xp.arange(n_batch, dtype=xp.int32)
        prob += y[batch_index[:, None], path]
        return prob

    def calc_trans(self, yseq, input_length, label, label_length, path,
                   path_length, xp):
        """Returns the log of the total probability of the label paths
        through each (time, batch, path position), by the forward-backward
        algorithm."""
        max_input_length, n_batch, n_unit = yseq.shape
        max_path_length = path.shape[1]
        start = xp.full((n_batch, max_path_length), self.zero_padding,
                        dtype=yseq.dtype)
        start[:, 0] = 0
        batch_index = xp.arange(n_batch, dtype=xp.int32)
        seq_index = xp.arange(len(yseq), dtype=xp.int32)
        # Emission log-probabilities; the forward pass adds the forward
        # variables to them in place, the backward pass the backward ones.
        prob = yseq[seq_index[:, None, None], batch_index[:, None], path]

        forward_prob = start
        for i, y in enumerate(yseq):
            forward_prob = self._computes_transition(
                forward_prob, path, path_length, prob[i], y)

        r_path = _flip_path(path, path_length, xp)
        yseq_inv = _flip_label_probability(yseq, input_length, xp)
        prob = _flip_path_probability(prob, input_length, path_length, xp)
        backward_prob = start
        for i, y_inv in enumerate(yseq_inv):
            backward_prob = self._computes_transition(
                backward_prob, r_path, path_length, prob[i], y_inv)
        return _flip_path_probability(prob, input_length, path_length, xp)

    def forward(self, inputs):
        xp = backend.get_array_module(inputs[0])
        self.input_length, label_length, t, xs = inputs
        if self.zero_padding is None:
            if xs.dtype == numpy.float16:
                self.zero_padding = -10000.0
            else:
                self.zero_padding = -10000000000.0
        if chainer_lite.is_debug():
            assert len(xs) >= xp.max(self.input_length)
            assert t.shape[1] >= xp.max(label_length)

        self.path_length = 2 * label_length + 1
        self.yseq = _softmax(xs, xp)
        log_yseq = self.log_matrix(self.yseq, xp)
        self.path = _label_to_path(t, self.blank_symbol, xp)
        self.prob_trans = self.calc_trans(
            log_yseq, self.input_length, t, label_length, self.path,
            self.path_length, xp)
        loss = -_logsumexp(self.prob_trans[0], xp, axis=1)
        if self.reduce == 'mean':
            loss = utils.force_array(xp.mean(loss))
        return loss,

    def backward(self, inputs, grad_output):
        xp = backend.get_array_module(inputs[0])
        batch_size = len(inputs[2])
        total_probability = _logsumexp(self.prob_trans[0], xp, axis=1)
        label_prob = self.label_probability(
            self.yseq.shape[2], self.path, self.path_length,
            xp.exp(self.prob_trans - total_probability[:, None]), xp)
        gx = self.yseq - label_prob
        if self.reduce == 'mean':
            gx *= grad_output[0] / batch_size
        else:
            gx *= grad_output[0][..., None]
        # Time steps past each input's length get no gradient.
        gx *= (xp.arange(len(gx))[:, None] < self.input_length)[..., None]
        return None, None, None, gx


def connectionist_temporal_classification(
        x, t, blank_symbol, input_length=None, label_length=None,
        reduce='mean'):
    """Connectionist Temporal Classification loss function.

    Given per-time-step scores ``x`` (before softmax) and a label sequence
    ``t``, it computes :math:`-\\log p(t | x)`, summing the probabilities of
    all alignments of ``t`` (with blanks and repetitions) to the inputs,
    by the forward-backward algorithm.

    Args:
        x (list or tuple of :class:`~chainer.Variable`): The scores of each
            time step, of shape ``(B, V)``.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): ``int32`` labels
            of shape ``(B, L)`` (padded beyond ``label_length``).
        blank_symbol (int): Index of the blank symbol, in ``[0, V)``.
        input_length (:class:`~chainer.Variable` or :ref:`ndarray`):
            ``int32`` lengths of the inputs, of shape ``(B,)`` (default: all
            ``len(x)``).
        label_length (:class:`~chainer.Variable` or :ref:`ndarray`):
            ``int32`` lengths of the labels, of shape ``(B,)`` (default: all
            ``L``).
        reduce (str): ``'mean'`` (a scalar) or ``'no'`` (``(B,)``).

    Returns:
        ~chainer.Variable: The loss. It can be differentiated once, by
        ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = [np.zeros((1, 2), np.float32)] * 2
        >>> t = np.array([[0]], np.int32)
        >>> F.connectionist_temporal_classification(x, t, 1).array
        array(0.2876821, dtype=float32)

    See: `Connectionist Temporal Classification: Labelling Unsegmented
    Sequence Data with Recurrent Neural Networks
    <https://www.cs.toronto.edu/~graves/icml_2006.pdf>`_
    """
    if not isinstance(x, collections.abc.Sequence):
        raise TypeError('x must be a list of Variables')
    if not isinstance(blank_symbol, int):
        raise TypeError('blank_symbol must be non-negative integer.')
    assert 0 <= blank_symbol < x[0].shape[1]
    assert x[0].ndim == 2
    xp = backend.get_array_module(x[0])
    if input_length is None:
        input_length = xp.full(len(x[0]), len(x), dtype=numpy.int32)
    if label_length is None:
        label_length = xp.full(len(t), t.shape[1], dtype=numpy.int32)
    return ConnectionistTemporalClassification(blank_symbol, reduce)(
        input_length, label_length, t, stack.stack(x))
