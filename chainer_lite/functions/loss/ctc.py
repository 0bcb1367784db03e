"""Connectionist temporal classification (CTC) loss."""
import collections.abc

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import function
from chainer_lite.functions.array import stack
from chainer_lite import utils
from chainer_lite.utils import type_check

# Stands for log(0) in the lattice: finite, so that log-adding two
# impossible states stays well defined, and far below any real log-prob.
_LOG_ZERO = -1e10

_INPUT_NAMES = ('input_length', 'label_length', 't', 'x')


def _shifted(a, k, fill):
    """``a`` moved ``k`` places along its last axis (right for k > 0)."""
    out = backend.get_array_module(a).full_like(a, fill)
    if k > 0:
        out[..., k:] = a[..., :-k]
    else:
        out[..., :k] = a[..., -k:]
    return out


def _log_softmax(x, xp):
    z = x - x.max(axis=-1, keepdims=True)
    return z - xp.log(xp.exp(z).sum(axis=-1, keepdims=True))


class _Lattice(object):

    """Log-space forward-backward over the blank-extended label sequences.

    The extended sequence of sample ``b`` is ``ext[b] = (blank, t[b, 0],
    blank, t[b, 1], ..., blank)`` of valid length ``2 * label_length[b] +
    1``. A path may stay on a position, advance by one, or advance by two
    when it skips a blank between two different labels.

    Attributes:
        ext: ``(B, S)`` extended labels.
        log_p: ``(B,)`` log-likelihood of each label sequence.
        occupancy: ``(T, B, S)`` posterior probability that time step ``t``
            is aligned to position ``s``.
    """

    def __init__(self, log_y, labels, input_length, label_length, blank):
        xp = backend.get_array_module(log_y)
        n_steps, n_batch, _ = log_y.shape
        ext = xp.full((n_batch, 2 * labels.shape[1] + 1), blank, numpy.int32)
        ext[:, 1::2] = labels
        pos = xp.arange(ext.shape[1])
        # emit[t, b, s] = log y[t, b, ext[b, s]]
        emit = log_y[:, xp.arange(n_batch)[:, None], ext]
        skip_ok = _shifted(ext, 2, -1) != ext
        skip_ok[:, :2] = False
        last = (2 * label_length + 1)[:, None] - 1
        is_end = (pos == last) | (pos == last - 1)

        alpha = xp.empty_like(emit)
        a = xp.where(pos < 2, 0, _LOG_ZERO).astype(emit.dtype) + emit[0]
        alpha[0] = a
        for t in range(1, n_steps):
            a = self._merge(a, _shifted(a, 1, _LOG_ZERO),
                            _shifted(a, 2, _LOG_ZERO), skip_ok) + emit[t]
            alpha[t] = a

        # The backward variables start afresh at each sample's last step.
        skip_back_ok = _shifted(skip_ok, -2, False)
        finish = xp.where(is_end, 0, _LOG_ZERO).astype(emit.dtype)
        beta = xp.empty_like(emit)
        b = xp.full_like(emit[0], _LOG_ZERO)
        for t in range(n_steps - 1, -1, -1):
            b = self._merge(b, _shifted(b, -1, _LOG_ZERO),
                            _shifted(b, -2, _LOG_ZERO), skip_back_ok)
            b = xp.where((input_length == t + 1)[:, None], finish, b)
            b = b + emit[t]
            beta[t] = b

        at_end = alpha[input_length - 1, xp.arange(n_batch)]
        at_end = xp.where(is_end, at_end, _LOG_ZERO)
        top = at_end.max(axis=1)
        self.log_p = top + xp.log(xp.exp(at_end - top[:, None]).sum(axis=1))
        self.ext = ext
        # alpha and beta both include the emission at (t, s): remove one.
        self.occupancy = xp.exp(alpha + beta - emit - self.log_p[:, None])

    @staticmethod
    def _merge(stay, step, skip, skip_ok):
        xp = backend.get_array_module(stay)
        return xp.logaddexp(xp.logaddexp(stay, step),
                            xp.where(skip_ok, skip, _LOG_ZERO))


class ConnectionistTemporalClassification(function.Function):

    """CTC loss of ``(input_length, label_length, t, x)``, ``x`` being the
    stacked (time, batch, vocabulary) scores."""

    def __init__(self, blank_symbol, reduce='mean'):
        self.blank_symbol = blank_symbol
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, _INPUT_NAMES)
        in_len, lab_len, t_type, x_type = in_types
        type_check.expect(
            in_len.dtype == numpy.int32,
            in_len.ndim == 1,
            lab_len.dtype == numpy.int32,
            lab_len.ndim == 1,
            t_type.ndim == 2,
            t_type.dtype == numpy.int32,
            x_type.ndim == 3,
            x_type.dtype.kind == 'f',
        )
        n_batch = x_type.shape[1]
        type_check.expect(
            t_type.shape[0] == n_batch,
            in_len.shape[0] == n_batch,
            lab_len.shape[0] == n_batch,
        )

    def forward(self, inputs):
        input_length, label_length, t, x = inputs
        xp = backend.get_array_module(x)
        if chainer_lite.is_debug():
            assert len(x) >= xp.max(input_length)
            assert t.shape[1] >= xp.max(label_length)
        # Half precision is too coarse for the lattice sums.
        work = numpy.promote_types(x.dtype, numpy.float32)
        log_y = _log_softmax(x.astype(work, copy=False), xp)
        self.lattice = _Lattice(
            log_y, t, input_length, label_length, self.blank_symbol)
        self.y = xp.exp(log_y)
        losses = -self.lattice.log_p
        if self.reduce == 'mean':
            losses = losses.mean()
        return utils.force_array(losses, x.dtype),

    def backward(self, inputs, grad_outputs):
        input_length, _, _, x = inputs
        xp = backend.get_array_module(x)
        gy, = grad_outputs
        lattice = self.lattice
        n_steps, n_batch, n_vocab = x.shape
        # Collect the occupancy of every position onto its label.
        one_hot = (lattice.ext[:, :, None] == xp.arange(n_vocab)).astype(
            self.y.dtype)
        label_mass = xp.einsum('tbs,bsv->tbv', lattice.occupancy, one_hot)
        if self.reduce == 'mean':
            weight = gy / n_batch
        else:
            weight = gy[None, :, None]
        live = (xp.arange(n_steps)[:, None] < input_length)[:, :, None]
        gx = (self.y - label_mass) * weight * live
        return None, None, None, gx.astype(x.dtype, copy=False)


def connectionist_temporal_classification(
        x, t, blank_symbol, input_length=None, label_length=None,
        reduce='mean'):
    """Connectionist temporal classification (CTC) loss.

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
        input_length (~chainer.Variable or :ref:`ndarray`):
            ``int32`` number of valid steps of each sample, shape ``(B,)``
            (default: ``len(x)`` for all).
        label_length (~chainer.Variable or :ref:`ndarray`):
            ``int32`` number of valid labels of each sample, shape ``(B,)``
            (default: ``L`` for all).
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

    The loss was introduced by Graves et al. (ICML 2006,
    https://www.cs.toronto.edu/~graves/icml_2006.pdf).
    """
    if not isinstance(x, collections.abc.Sequence):
        raise TypeError('x must be a list of Variables')
    if not isinstance(blank_symbol, int):
        raise TypeError('blank_symbol must be non-negative integer.')
    assert 0 <= blank_symbol < x[0].shape[1]
    assert x[0].ndim == 2
    xp = backend.get_array_module(x[0])
    n_batch = x[0].shape[0]
    if input_length is None:
        input_length = xp.full((n_batch,), len(x), numpy.int32)
    if label_length is None:
        label_length = xp.full((n_batch,), t.shape[1], numpy.int32)
    node = ConnectionistTemporalClassification(blank_symbol, reduce)
    return node(input_length, label_length, t, stack.stack(x))
