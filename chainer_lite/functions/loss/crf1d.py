"""Linear-chain conditional random field: loss and Viterbi decoding."""
from chainer_lite import backend
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import select_item
from chainer_lite.functions.math import logsumexp
from chainer_lite.functions.math import minmax
from chainer_lite.functions.math import sum as _sum
from chainer_lite import variable


def _scan(state, steps, update):
    """Runs ``state = update(state, *step)`` over time-major steps.

    The batch may only shrink from one step to the next (the first ``len``
    sequences stay active); the state of a sequence that has ended is set
    aside. Returns the last state of every sequence, in batch order.
    """
    ended = []
    for step in steps:
        active = len(step[0])
        if state.shape[0] > active:
            ended.append(state[active:])
            state = state[:active]
        state = update(state, *step)
    # Later-ending sequences come first in the batch.
    return concat.concat([state] + ended[::-1], axis=0) if ended else state


def crf1d(cost, xs, ys, reduce='mean'):
    """Negative log-likelihood of label sequences under a linear-chain CRF.

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
    labels = [variable.as_array(y) for y in ys]

    def log_forward(log_alpha, x):
        # log_alpha[b, i] + cost[i, j], summed over the previous label i.
        return logsumexp.logsumexp(log_alpha[:, :, None] + cost, axis=1) + x

    log_z = logsumexp.logsumexp(
        _scan(xs[0], [(x,) for x in xs[1:]], log_forward), axis=1)

    def add_step(score, x, y, y_prev):
        return (score + select_item.select_item(x, y)
                + cost[y_prev[:len(y)], y])

    path_score = _scan(
        select_item.select_item(xs[0], labels[0]),
        list(zip(xs[1:], labels[1:], labels[:-1])), add_step)

    loss = log_z - path_score
    if reduce == 'mean':
        return _sum.sum(loss) / xs[0].shape[0]
    return loss


def argmax_crf1d(cost, xs):
    """Finds the most probable label sequences of a linear-chain CRF.

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
    xp = backend.get_array_module(xs[0])
    pointers = []  # pointers[t][b, j]: best label at t given label j at t+1

    def max_forward(best, x):
        candidates = best[:, :, None] + cost
        pointers.append(variable.as_array(candidates).argmax(axis=1))
        return minmax.max(candidates, axis=1) + x

    last = _scan(xs[0], [(x,) for x in xs[1:]], max_forward)
    score = minmax.max(last, axis=1)

    # Walk back from each sequence's own last step.
    labels = variable.as_array(last).argmax(axis=1).astype(xp.int32)
    path = [None] * len(xs)
    for t in range(len(xs) - 1, -1, -1):
        active = len(xs[t])
        path[t] = labels[:active].copy()
        if t > 0:
            labels[:active] = pointers[t - 1][xp.arange(active), path[t]]
    return score, path
