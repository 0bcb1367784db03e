"""Linear-chain conditional random field: loss and Viterbi decoding."""
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import select_item
from chainer_lite.functions.array import split_axis
from chainer_lite.functions.connection import embed_id
from chainer_lite.functions.math import logsumexp
from chainer_lite.functions.math import minmax
from chainer_lite.functions.math import sum as _sum


def crf1d(cost, xs, ys, reduce='mean'):
    """Calculates negative log-likelihood of linear-chain CRF.

    For a sequence of label scores :math:`x_1, \\dots, x_n` and labels
    :math:`y_1, \\dots, y_n`, the score of the path is
    :math:`\\sum_i x_{i, y_i} + \\sum_{i > 1} c_{y_{i-1}, y_i}` with the
    transition cost matrix :math:`c`, and the loss is
    :math:`\\log Z - \\text{score}`, :math:`Z` summing the exponentiated
    scores of all paths (forward algorithm).

    Sequences of different lengths are given time-major with
    non-increasing batch sizes (see
    :func:`~chainer.functions.transpose_sequence`).

    Args:
        cost (:class:`~chainer.Variable` or :ref:`ndarray`): Transition
            costs of shape ``(K, K)``; ``cost[i, j]`` is from label ``i`` to
            label ``j``.
        xs (list of :class:`~chainer.Variable`): Label scores of each time
            step, of shape ``(B_t, K)``.
        ys (list of :class:`~chainer.Variable`): Labels of each time step,
            integer arrays of shape ``(B_t,)``.
        reduce (str): ``'mean'`` (sum divided by the batch size) or
            ``'no'`` (``(B,)``, one loss per sequence).

    Returns:
        ~chainer.Variable: The loss.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> cost = np.zeros((2, 2), np.float32)
        >>> xs = [np.zeros((1, 2), np.float32)] * 2
        >>> ys = [np.array([0], np.int32)] * 2
        >>> F.crf1d(cost, xs, ys).array
        array(1.3862944, dtype=float32)
    """
    if reduce not in ('mean', 'no'):
        raise ValueError(
            "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
            'given' % reduce)
    assert xs[0].shape[1] == cost.shape[0]
    n_label = cost.shape[0]
    n_batch = xs[0].shape[0]

    # Forward algorithm; sequences that ended keep their last alpha.
    alpha = xs[0]
    alphas = []
    for x in xs[1:]:
        batch = x.shape[0]
        if alpha.shape[0] > batch:
            alpha, alpha_rest = split_axis.split_axis(alpha, [batch], axis=0)
            alphas.append(alpha_rest)
        b_alpha, b_cost = broadcast.broadcast(alpha[..., None], cost)
        alpha = logsumexp.logsumexp(b_alpha + b_cost, axis=1) + x
    if alphas:
        alphas.append(alpha)
        alpha = concat.concat(alphas[::-1], axis=0)
    logz = logsumexp.logsumexp(alpha, axis=1)

    # Score of the given label paths.
    cost = reshape.reshape(cost, (cost.size, 1))
    score = select_item.select_item(xs[0], ys[0])
    scores = []
    for x, y, y_prev in zip(xs[1:], ys[1:], ys[:-1]):
        batch = x.shape[0]
        if score.shape[0] > batch:
            y_prev, _ = split_axis.split_axis(y_prev, [batch], axis=0)
            score, score_rest = split_axis.split_axis(score, [batch], axis=0)
            scores.append(score_rest)
        score += (select_item.select_item(x, y) + reshape.reshape(
            embed_id.embed_id(y_prev * n_label + y, cost), (batch,)))
    if scores:
        scores.append(score)
        score = concat.concat(scores[::-1], axis=0)

    loss = logz - score
    if reduce == 'mean':
        return _sum.sum(loss) / n_batch
    return loss


def argmax_crf1d(cost, xs):
    """Computes a state that maximizes a joint probability of the given CRF.

    Viterbi decoding of :func:`crf1d`'s model.

    Args:
        cost (:class:`~chainer.Variable` or :ref:`ndarray`): Transition
            costs of shape ``(K, K)``.
        xs (list of :class:`~chainer.Variable`): Label scores of each time
            step, of shape ``(B_t, K)``, with non-increasing ``B_t``.

    Returns:
        tuple: ``(score, path)``: the score of the best path of each
        sequence (a variable of shape ``(B,)``) and the best labels, a list
        of one integer array of shape ``(B_t,)`` per time step.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> cost = np.zeros((2, 2), np.float32)
        >>> xs = [np.array([[0., 1.]], np.float32)] * 2
        >>> score, path = F.argmax_crf1d(cost, xs)
        >>> score.array
        array([2.], dtype=float32)
        >>> path
        [array([1], dtype=int32), array([1], dtype=int32)]
    """
    alpha = xs[0]
    alphas = []
    max_inds = []
    for x in xs[1:]:
        batch = x.shape[0]
        if alpha.shape[0] > batch:
            alpha, alpha_rest = split_axis.split_axis(alpha, [batch], axis=0)
            alphas.append(alpha_rest)
        else:
            alphas.append(None)
        b_alpha, b_cost = broadcast.broadcast(alpha[..., None], cost)
        scores = b_alpha + b_cost
        max_inds.append(minmax.argmax(scores, axis=1))
        alpha = minmax.max(scores, axis=1) + x

    # Back-track the best labels.
    inds = minmax.argmax(alpha, axis=1)
    path = [inds.array]
    for m, a in zip(max_inds[::-1], alphas[::-1]):
        inds = select_item.select_item(m, inds)
        if a is not None:
            inds = concat.concat([inds, minmax.argmax(a, axis=1)], axis=0)
        path.append(inds.array)
    path.reverse()

    score = minmax.max(alpha, axis=1)
    for a in alphas[::-1]:
        if a is None:
            continue
        score = concat.concat([score, minmax.max(a, axis=1)], axis=0)
    return score, path
