"""BlackOut loss: a sampled approximation of softmax cross entropy."""
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import expand_dims
from chainer_lite.functions.array import reshape
from chainer_lite.functions.connection import embed_id
from chainer_lite.functions.math import average
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import logsumexp
from chainer_lite.functions.math import matmul
from chainer_lite.functions.math import sum as _sum


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
        array([1.9095427], dtype=float32)

    See: `BlackOut: Speeding up Recurrent Neural Network Language Models
    With Very Large Vocabularies <https://arxiv.org/abs/1511.06909>`_
    """
    batch_size = x.shape[0]
    # Scores of the negative samples (N, S) and of the labels (N, 1).
    neg_emb = embed_id.embed_id(samples, W)
    neg_y = matmul.matmul(neg_emb, x[:, :, None])
    neg_y = reshape.reshape(neg_y, neg_y.shape[:-1])
    pos_emb = expand_dims.expand_dims(embed_id.embed_id(t, W), 1)
    pos_y = matmul.matmul(pos_emb, x[:, :, None])
    pos_y = reshape.reshape(pos_y, pos_y.shape[:-1])

    logz = logsumexp.logsumexp(concat.concat([pos_y, neg_y]), axis=1)
    blogz, bneg_y = broadcast.broadcast(
        reshape.reshape(logz, (batch_size, 1)), neg_y)
    ny = exponential.log(1 - exponential.exp(bneg_y - blogz))
    py = reshape.reshape(pos_y, (batch_size,))
    loss = -(py - logz + _sum.sum(ny, axis=1))
    if reduce == 'mean':
        loss = average.average(loss)
    return loss
