"""L.BatchRenormalization: batch normalization with bounded corrections."""
import chainer_lite
from chainer_lite import configuration
from chainer_lite.functions.normalization import batch_normalization
from chainer_lite.functions.normalization import batch_renormalization
from chainer_lite.links.normalization import _common
from chainer_lite.links.normalization.batch_normalization import \
    BatchNormalization


class BatchRenormalization(BatchNormalization):
    """Batch renormalization layer.

    Like :class:`BatchNormalization`, but in training the batch statistics
    are corrected towards the moving averages by factors ``r`` (clipped to
    ``[1/rmax, rmax]``) and ``d`` (clipped to ``[-dmax, dmax]``), which
    makes training with small or non-i.i.d. batches behave more like
    inference. Test mode is the same as batch normalization.

    Reference: Ioffe, https://arxiv.org/abs/1702.03275

    Args:
        size (int or tuple of ints): Shape of the statistics.
        rmax (float): Bound of the variance correction.
        dmax (float): Bound of the mean correction.
        decay (float): Decay rate of the moving averages.
        eps (float): Epsilon of the normalization.
        dtype: Dtype of the parameters and statistics.
        use_gamma (bool): Whether to learn a scale.
        use_beta (bool): Whether to learn a shift.
        initial_gamma: Initializer of ``gamma``.
        initial_beta: Initializer of ``beta``.
        initial_avg_mean: Initializer of ``avg_mean``.
        initial_avg_var: Initializer of ``avg_var``.

    .. seealso:: :func:`~chainer.functions.batch_renormalization`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.BatchRenormalization(3, rmax=3, dmax=5)
        >>> layer(np.random.randn(4, 3).astype(np.float32)).shape
        (4, 3)
    """

    def __init__(self, size, rmax=1, dmax=0, decay=0.9, eps=2e-5,
                 dtype=None, use_gamma=True, use_beta=True,
                 initial_gamma=None, initial_beta=None,
                 initial_avg_mean=None, initial_avg_var=None):
        # Chainer passes the last two initializers positionally into the
        # ``axis`` and ``initial_avg_mean`` slots of BatchNormalization;
        # naming them keeps their meaning.
        super(BatchRenormalization, self).__init__(
            size, decay=decay, eps=eps, dtype=dtype, use_gamma=use_gamma,
            use_beta=use_beta, initial_gamma=initial_gamma,
            initial_beta=initial_beta, initial_avg_mean=initial_avg_mean,
            initial_avg_var=initial_avg_var)
        self.rmax, self.dmax = rmax, dmax
        self.r = self.d = None

    def forward(self, x, finetune=False):
        """Renormalizes the input.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.
            finetune (bool): Accumulate exact population statistics.

        Returns:
            ~chainer.Variable: The output.
        """
        gamma, beta = self._scale_and_shift(dtype=x.dtype)
        if not configuration.config.train:
            return batch_normalization.fixed_batch_normalization(
                x, gamma, beta, self.avg_mean, self.avg_var, self.eps)

        decay, update = _common.running_decay(self, finetune)
        if update:
            running = (self.avg_mean, self.avg_var)
            if chainer_lite.config._will_recompute:
                # Saved for the recomputation, which must normalize with the
                # statistics of this (first) pass.
                self._prev_avg_mean, self._prev_avg_var = (
                    stat.copy() for stat in running)
        else:
            running = (self._prev_avg_mean, self._prev_avg_var)
        return batch_renormalization.batch_renormalization(
            x, gamma, beta, self.rmax, self.dmax, self.eps, running[0],
            running[1], decay, update_statistics=update)
