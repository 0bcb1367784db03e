"""L.BatchNormalization: batch normalization with learned scale and shift."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.functions.normalization import batch_normalization
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.normalization import _common
from chainer_lite.utils import argument


class BatchNormalization(link.Link):
    """Batch normalization layer, with running statistics for inference.

    In training mode (``chainer.config.train``) the input is normalized with
    the statistics of the batch, and the moving averages ``avg_mean`` and
    ``avg_var`` are updated with ``decay``. With ``finetune=True`` the
    averages are instead exact running means over the batches seen since
    :meth:`start_finetuning` (``N`` counts them). In test mode the stored
    averages normalize the input. The normalized input is scaled by
    ``gamma`` and shifted by ``beta``.

    Args:
        size (int, tuple of ints or None): Shape of the statistics (the
            non-reduced axes); ``None`` infers it from the first input,
            which needs ``axis``.
        decay (float): Decay rate of the moving averages.
        eps (float): Added to the variance for numerical stability.
        dtype: Dtype of the parameters and statistics (``mixed16`` means
            float32); ``chainer.config.dtype`` by default.
        use_gamma (bool): Whether to learn a scale (else it is 1).
        use_beta (bool): Whether to learn a shift (else it is 0).
        initial_gamma: Initializer of ``gamma`` (1 by default).
        initial_beta: Initializer of ``beta`` (0 by default).
        axis (int or tuple of int): Axes to normalize over; by default all
            axes but the channel axis 1 (``(0, 2, 3)`` for 4-D input).
        initial_avg_mean: Initializer of ``avg_mean`` (0 by default).
        initial_avg_var: Initializer of ``avg_var`` (1 by default).

    Attributes:
        gamma (~chainer.Parameter): Scale.
        beta (~chainer.Parameter): Shift.
        avg_mean (:ref:`ndarray`): Population mean (persistent).
        avg_var (:ref:`ndarray`): Population variance (persistent).
        N (int): Number of batches seen while fine-tuning (persistent).
        decay (float): Decay rate of the moving averages.
        eps (float): Epsilon of the normalization.

    .. seealso:: :func:`~chainer.functions.batch_normalization`,
       :func:`~chainer.functions.fixed_batch_normalization`

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.links as L
        >>> bn = L.BatchNormalization(3)
        >>> x = np.arange(12, dtype=np.float32).reshape(4, 3)
        >>> y = bn(x)
        >>> np.allclose(y.array.mean(axis=0), 0, atol=1e-6)
        True
        >>> np.allclose(bn.avg_mean, 0.1 * x.mean(axis=0))
        True
        >>> with chainer.using_config('train', False):
        ...     y = bn(x)
    """

    gamma = None
    beta = None

    def __init__(self, size=None, decay=0.9, eps=2e-5, dtype=None,
                 use_gamma=True, use_beta=True,
                 initial_gamma=None, initial_beta=None, axis=None,
                 initial_avg_mean=None, initial_avg_var=None):
        super(BatchNormalization, self).__init__()
        if size is None and axis is None:
            raise RuntimeError('size or axis is required')
        self.decay = decay
        self.eps = eps
        self.axis = (axis,) if isinstance(axis, int) else axis
        # Statistics and parameters stay float32 under mixed16.
        self._highprec_dtype = chainer_lite.get_dtype(
            dtype, map_mixed16=numpy.float32)
        # Kept until the statistics are created (maybe at the first call).
        self._initial_avg_mean = initial_avg_mean
        self._initial_avg_var = initial_avg_var
        self.N = 0
        self.register_persistent('N')

        with self.init_scope():
            if use_gamma:
                self.gamma = _common.deferred_param(
                    initial_gamma, 1, dtype=self._highprec_dtype)
            if use_beta:
                self.beta = _common.deferred_param(
                    initial_beta, 0, dtype=self._highprec_dtype)
        self.avg_mean = self.avg_var = None
        if size is not None:
            self._initialize_params(size)
        self.register_persistent('avg_mean')
        self.register_persistent('avg_var')

    def _initialize_params(self, shape):
        # Creation order (mean, var, gamma, beta) fixes the order of random
        # draws if an initializer is random.
        self.avg_mean = self._statistic(self._initial_avg_mean, 0, shape)
        self.avg_var = self._statistic(self._initial_avg_var, 1, shape)
        self._initial_avg_mean = self._initial_avg_var = None
        for param in (self.gamma, self.beta):
            if param is not None:
                param.initialize(shape)

    def _statistic(self, initial, fill, shape):
        init = initializers._get_initializer(
            fill if initial is None else initial)
        return initializers.generate_array(
            init, shape, self.xp, dtype=self._highprec_dtype,
            device=self.device)

    def _scale_and_shift(self, dtype=None):
        # A disabled gamma or beta acts as ones or zeros (of ``dtype``, by
        # default that of the statistics).
        gamma, beta = self.gamma, self.beta
        if gamma is None or beta is None:
            shape = self.avg_mean.shape
            dtype = self._highprec_dtype if dtype is None else dtype
            with backend.using_device(self.device):
                if gamma is None:
                    gamma = self.xp.ones(shape, dtype=dtype)
                if beta is None:
                    beta = self.xp.zeros(shape, dtype=dtype)
        return gamma, beta

    @property
    def printable_specs(self):
        yield 'size', self.avg_mean.shape[0]
        yield 'decay', self.decay
        yield 'eps', self.eps
        yield 'dtype', self.avg_mean.dtype
        # ``gamma``/``beta`` exist as class attributes even when unused, so
        # these are always True, as in Chainer.
        yield 'use_gamma', hasattr(self, 'gamma')
        yield 'use_beta', hasattr(self, 'beta')

    def forward(self, x, **kwargs):
        """Normalizes the input.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.
            finetune (bool): In training mode, accumulate exact population
                statistics instead of moving averages.

        Returns:
            ~chainer.Variable: The normalized, scaled and shifted batch.
        """
        finetune, = argument.parse_kwargs(
            kwargs, ('finetune', False),
            test='test argument is not supported anymore. '
                 'Use chainer.using_config')

        if self.avg_mean is None:
            # One statistic per position of the axes kept.
            self._initialize_params(tuple(
                n for ax, n in enumerate(x.shape) if ax not in self.axis))
        gamma, beta = self._scale_and_shift()
        if not configuration.config.train:
            return batch_normalization.fixed_batch_normalization(
                x, gamma, beta, self.avg_mean, self.avg_var, self.eps,
                axis=self.axis)
        decay, update = _common.running_decay(self, finetune)
        running = (self.avg_mean, self.avg_var) if update else (None, None)
        return batch_normalization.batch_normalization(
            x, gamma, beta, eps=self.eps, running_mean=running[0],
            running_var=running[1], decay=decay, axis=self.axis)

    def start_finetuning(self):
        """Resets the count of fine-tuning batches.

        Call it before feeding the training data with ``finetune=True``.
        """
        self.N = 0
