"""Negative sampling loss (word2vec-style approximation of a softmax)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import scatter_add
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import precision
from chainer_lite.utils import type_check


class NegativeSamplingFunction(function_node.FunctionNode):

    """Negative sampling loss of ``(x, t, W)``.

    For each sample the row ``t`` of ``W`` is the positive example and
    ``sample_size`` rows drawn by ``sampler`` are negative ones.
    """

    ignore_label = -1
    samples = None

    def __init__(self, sampler, sample_size, reduce='sum'):
        if reduce not in ('sum', 'no'):
            raise ValueError(
                "only 'sum' and 'no' are valid for 'reduce', but '%s' "
                'is given' % reduce)
        self.sampler = sampler
        self.sample_size = sample_size
        self.reduce = reduce

    def _draw(self, t):
        # One row per sample: the label, then sample_size negatives.
        drawn = self.sampler((int(t.shape[0]), 1 + self.sample_size))
        drawn[:, 0] = t
        return drawn

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't', 'W'))
        x_type, t_type, w_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.dtype == numpy.int32,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
            w_type.dtype == x_type.dtype,
            w_type.ndim == 2,
        )

    @precision._fp16_mixed_precision_helper
    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x, t, W = inputs
        xp = backend.get_array_module(x)
        self.ignore_mask = t != self.ignore_label
        self.samples = self._draw(t)
        # The positive example enters with the opposite sign:
        # loss = log(1 + exp(-w_t x)) + sum_neg log(1 + exp(w_k x)).
        self.signs = xp.ones(self.sample_size + 1, x.dtype)
        self.signs[0] = -1
        wx = xp.einsum('ij,ikj->ik', x, W[self.samples]) * self.signs
        loss = xp.logaddexp(wx, 0).sum(axis=1) * self.ignore_mask
        if self.reduce == 'sum':
            loss = loss.sum()
        return xp.asarray(loss, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, t, W = self.get_retained_inputs()
        gy, = grad_outputs
        samples = self.samples
        signs = self.signs.astype(x.dtype, copy=False)
        shape = samples.shape
        w = W[samples]
        wx = _sum.sum(w * broadcast.broadcast_to(
            x[:, None, :], w.shape), axis=2)
        if self.reduce == 'no':
            gy = gy[:, None]
        # d loss / d (w_k x) = sign_k * sigmoid(sign_k * w_k x).
        g = (broadcast.broadcast_to(gy, shape)
             * sigmoid.sigmoid(wx * signs)
             * (signs * self.ignore_mask[:, None]))
        ret = []
        if 0 in indexes:
            ret.append(_sum.sum(
                broadcast.broadcast_to(g[:, :, None], w.shape) * w, axis=1))
        if 1 in indexes:
            ret.append(None)
        if 2 in indexes:
            xp = backend.get_array_module(x)
            outer = (broadcast.broadcast_to(g[:, :, None], w.shape)
                     * broadcast.broadcast_to(x[:, None, :], w.shape))
            ret.append(scatter_add.scatter_add(
                xp.zeros(W.shape, W.dtype), samples, outer))
        return ret


def negative_sampling(x, t, W, sampler, sample_size, reduce='sum', **kwargs):
    """negative_sampling(x, t, W, sampler, sample_size, reduce='sum', *, \
return_samples=False)

    Word2vec-style negative sampling loss.

    For each sample :math:`(x, t)` the loss is

    .. math::
        -\\log \\sigma(x^\\top w_t) - \\sum_{k \\in NS} \\log \\sigma(-x^\\top
        w_k),

    where the negative examples :math:`NS` are ``sample_size`` indices drawn
    by ``sampler``. Samples with ``t == -1`` are ignored (loss 0).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Inputs of shape
            ``(N, D)``.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): ``int32`` labels
            of shape ``(N,)``.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Label embeddings
            of shape ``(V, D)``.
        sampler (callable): ``sampler(shape)`` returns an ``int32`` array of
            random label indices of that shape (e.g. a
            :class:`~chainer.utils.WalkerAlias` sampler).
        sample_size (int): The number of negative samples.
        reduce (str): ``'sum'`` (a scalar) or ``'no'`` (one loss per
            sample).
        return_samples (bool): Also return the ``(N, sample_size + 1)``
            array of indices used; column 0 holds ``t``.

    Returns:
        ~chainer.Variable or tuple: The loss, or ``(loss, samples)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.zeros((2, 3), np.float32)
        >>> t = np.array([0, 1], np.int32)
        >>> W = np.ones((4, 3), np.float32)
        >>> sampler = lambda shape: np.full(shape, 3, np.int32)
        >>> F.negative_sampling(x, t, W, sampler, 2, reduce='no').array
        array([2.0794415, 2.0794415], dtype=float32)

    Introduced by Mikolov et al. in the word2vec paper
    (https://arxiv.org/abs/1310.4546).
    """
    return_samples = False
    if kwargs:
        return_samples, = argument.parse_kwargs(
            kwargs, ('return_samples', return_samples))
    node = NegativeSamplingFunction(sampler, sample_size, reduce=reduce)
    loss = node.apply((x, t, W))[0]
    return (loss, node.samples) if return_samples else loss
