"""L.BatchRenormalization: batch normalization with bounded corrections."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.functions.normalization import batch_normalization
from chainer_lite.functions.normalization import batch_renormalization
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
            size, decay, eps, dtype, use_gamma, use_beta,
            initial_gamma, initial_beta,
            initial_avg_mean=initial_avg_mean,
            initial_avg_var=initial_avg_var)
        self.rmax = rmax
        self.dmax = dmax
        self.r = None
        self.d = None

    def forward(self, x, finetune=False):
        """Renormalizes the input.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.
            finetune (bool): Accumulate exact population statistics.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.gamma is not None:
            gamma = self.gamma
        else:
            with backend.using_device(self.device):
                gamma = self.xp.ones(self.avg_mean.shape, dtype=x.dtype)
        if self.beta is not None:
            beta = self.beta
        else:
            with backend.using_device(self.device):
                beta = self.xp.zeros(self.avg_mean.shape, dtype=x.dtype)

        if not configuration.config.train:
            return batch_normalization.fixed_batch_normalization(
                x, gamma, beta, self.avg_mean, self.avg_var, self.eps)

        if finetune:
            self.N += 1
            decay = 1. - 1. / self.N
        else:
            decay = self.decay

        avg_mean = self.avg_mean
        avg_var = self.avg_var
        update_statistics = True
        config = chainer_lite.config
        if config.in_recomputing:
            # A recomputation must see the statistics of the first pass and
            # leave them alone.
            if finetune:
                self.N -= 1
            avg_mean = self._prev_avg_mean
            avg_var = self._prev_avg_var
            update_statistics = False
        elif config._will_recompute:
            self._prev_avg_mean = avg_mean.copy()
            self._prev_avg_var = avg_var.copy()

        return batch_renormalization.batch_renormalization(
            x, gamma, beta, self.rmax, self.dmax, self.eps, avg_mean,
            avg_var, decay, update_statistics=update_statistics)
