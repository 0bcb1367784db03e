"""L.CRF1d: a linear-chain conditional random field with a learned cost."""
from chainer_lite.functions.array import transpose_sequence
from chainer_lite.functions.loss import crf1d
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.rnn.n_step_rnn import argsort_list_descent
from chainer_lite.links.rnn.n_step_rnn import permutate_list
from chainer_lite import variable


def _time_major(seqs, order):
    # Batch-major sequences sorted by decreasing length, then transposed
    # into one batch per time step.
    return transpose_sequence.transpose_sequence(
        permutate_list(seqs, order, inv=False))


class CRF1d(link.Link):
    """Linear-chain CRF layer holding the transition ``cost`` matrix.

    ``cost`` ``(n_label, n_label)`` starts at zero unless ``initial_cost``
    says otherwise.

    Args:
        n_label (int): Number of labels.
        initial_cost (:ref:`initializer <initializer>`): Initializer of
            ``cost``.

    .. seealso:: :func:`~chainer.functions.crf1d`,
       :func:`~chainer.functions.argmax_crf1d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> crf = L.CRF1d(3)
        >>> xs = [np.zeros((2, 3), np.float32)] * 4
        >>> ys = [np.zeros(2, np.int32)] * 4
        >>> crf(xs, ys).shape
        ()
    """

    def __init__(self, n_label, initial_cost=None):
        super(CRF1d, self).__init__()
        # cost[i, j]: score of label j following label i (zero by default).
        init = initializers.Zero() if initial_cost is None else initial_cost
        with self.init_scope():
            self.cost = variable.Parameter(init, (n_label, n_label))

    def forward(self, xs, ys, reduce='mean', transpose=False):
        """Computes the negative log-likelihood of label sequences.

        Args:
            xs (list of ~chainer.Variable): Label scores, time-major
                (``xs[t]`` is ``(batch_t, n_label)``, batches not growing),
                or batch-major sequences when ``transpose`` is True.
            ys (list of ~chainer.Variable): Labels, laid out like ``xs``.
            reduce (str): ``'mean'`` or ``'no'``.
            transpose (bool): Whether ``xs`` and ``ys`` are batch-major
                sequences of any lengths (sorted and transposed here).

        Returns:
            ~chainer.Variable: The loss.
        """
        if transpose:
            order = argsort_list_descent(xs)
            xs, ys = (_time_major(seqs, order) for seqs in (xs, ys))
        return crf1d.crf1d(self.cost, xs, ys, reduce=reduce)

    def argmax(self, xs, transpose=False):
        """Returns the most likely label sequences and their scores.

        Args:
            xs (list of ~chainer.Variable): Label scores, as in
                :meth:`forward`.
            transpose (bool): Whether ``xs`` is batch-major; the paths are
                then returned batch-major, in the input order.

        Returns:
            tuple: The scores and the list of label paths.
        """
        if not transpose:
            return crf1d.argmax_crf1d(self.cost, xs)
        order = argsort_list_descent(xs)
        score, path = crf1d.argmax_crf1d(self.cost, _time_major(xs, order))
        # Back to one label array per sequence, in the caller's order.
        per_sequence = [
            v.array for v in transpose_sequence.transpose_sequence(path)]
        return score, permutate_list(per_sequence, order, inv=True)
