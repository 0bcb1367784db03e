"""BlackOut loss: a sampled approximation of softmax cross entropy."""
from chainer_lite import backend
from chainer_lite.functions.activation import log_softmax
from chainer_lite.functions.connection import embed_id
from chainer_lite.functions.math import average
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import logarithm_1p
from chainer_lite.functions.math import sum as _sum
from chainer_lite import variable


def black_out(x, t, W, samples, reduce='mean'):
    """BlackOut loss function.

    The loss of a sample is :math:`-\\log p(t) - \\sum_{s \\in S} \\log(1 -
    p(s))`, where :math:`S` are the negative samples and :math:`p(y) =
    \\exp(W_y^\\top x) / \\sum_{s \\in \\{t\\} \\cup S} \\exp(W_s^\\top x)`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Inputs of shape
            ``(N, D)``.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Integer labels of
            shape ``(N,)``.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Weight matrix of
            shape ``(V, D)``.
        samples (:class:`~chainer.Variable` or :ref:`ndarray`): Negative
            sample indices of shape ``(N, S)``.
        reduce (str): ``'mean'`` (a scalar) or ``'no'`` (``(N,)``).

    Returns:
        ~chainer.Variable: The loss.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.zeros((1, 2), np.float32)
        >>> W = np.zeros((3, 2), np.float32)
        >>> t = np.array([0], np.int32)
        >>> samples = np.array([[1, 2]], np.int32)
        >>> F.black_out(x, t, W, samples, reduce='no').array
        array([1.90954...], dtype=float32)

    See: `BlackOut: Speeding up Recurrent Neural Network Language Models
    With Very Large Vocabularies <https://arxiv.org/abs/1511.06909>`_
    """
    labels = variable.as_array(t)
    xp = backend.get_array_module(labels)
    # Column 0 holds each label, the other columns its negative samples.
    candidates = xp.concatenate(
        [labels[:, None], variable.as_array(samples)], axis=1)
    embedded = embed_id.embed_id(candidates, W)  # (N, 1 + S, D)
    scores = _sum.sum(embedded * x[:, None, :], axis=2)
    # p(y) is the softmax of the scores over the candidate set.
    log_p = log_softmax.log_softmax(scores, axis=1)
    log_not_p = logarithm_1p.log1p(-exponential.exp(log_p[:, 1:]))
    loss = -(log_p[:, 0] + _sum.sum(log_not_p, axis=1))
    if reduce == 'mean':
        loss = average.average(loss)
    return loss
