"""L.DecorrelatedBatchNormalization: batch whitening of channel groups."""
import functools
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.functions.normalization import \
    decorrelated_batch_normalization as dbn
from chainer_lite import link
from chainer_lite import serializer as serializer_module
from chainer_lite.utils import argument


class DecorrelatedBatchNormalization(link.Link):
    """Decorrelated batch normalization layer.

    The channels are split into ``groups`` groups of ``size // groups``;
    in training each group is centred and whitened (ZCA) with the batch
    statistics, and the moving averages ``avg_mean``
    ``(groups, size // groups)`` and ``avg_projection``
    ``(groups, C, C)`` are updated (or, with ``finetune=True``, exact
    running means since :meth:`start_finetuning`). Test mode uses the
    averages.

    Reference: Huang et al., https://arxiv.org/abs/1804.08450

    Args:
        size (int): Number of channels.
        groups (int): Number of channel groups.
        decay (float): Decay rate of the moving averages.
        eps (float): Epsilon added to the covariance diagonal.
        dtype: Dtype of the statistics.

    .. seealso:: :func:`~chainer.functions.decorrelated_batch_normalization`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.DecorrelatedBatchNormalization(4, groups=2)
        >>> layer(np.random.randn(10, 4).astype(np.float32)).shape
        (10, 4)
        >>> layer.avg_projection.shape
        (2, 2, 2)
    """

    def __init__(self, size, groups=16, decay=0.9, eps=2e-5,
                 dtype=numpy.float32):
        super(DecorrelatedBatchNormalization, self).__init__()
        C = size // groups
        self.avg_mean = numpy.zeros((groups, C), dtype=dtype)
        self.register_persistent('avg_mean')
        avg_projection = numpy.zeros((groups, C, C), dtype=dtype)
        arange_C = numpy.arange(C)
        avg_projection[:, arange_C, arange_C] = 1
        self.avg_projection = avg_projection
        self.register_persistent('avg_projection')
        self.N = 0
        self.register_persistent('N')
        self.decay = decay
        self.eps = eps
        self.groups = groups

    def serialize(self, serializer):
        if isinstance(serializer, serializer_module.Deserializer):
            # Files written before Chainer v7 (issue #7706) store statistics
            # without the group axis; they are broadcast on loading.
            serializer = _PatchedDeserializer(serializer, {
                'avg_mean': functools.partial(
                    fix_avg_mean, groups=self.groups),
                'avg_projection': functools.partial(
                    fix_avg_projection, groups=self.groups),
            })
        super(DecorrelatedBatchNormalization, self).serialize(serializer)

    def forward(self, x, **kwargs):
        """Whitens the input.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input ``(n, size, ...)``.
            finetune (bool): In training, accumulate exact population
                statistics.

        Returns:
            ~chainer.Variable: The output.
        """
        finetune, = argument.parse_kwargs(kwargs, ('finetune', False))

        if not configuration.config.train:
            return dbn.fixed_decorrelated_batch_normalization(
                x, self.avg_mean, self.avg_projection, groups=self.groups)

        if finetune:
            self.N += 1
            decay = 1. - 1. / self.N
        else:
            decay = self.decay

        avg_mean = self.avg_mean
        avg_projection = self.avg_projection
        if configuration.config.in_recomputing:
            # A recomputed pass must not update the statistics again.
            if finetune:
                self.N -= 1
            avg_mean = None
            avg_projection = None

        return dbn.decorrelated_batch_normalization(
            x, groups=self.groups, eps=self.eps, running_mean=avg_mean,
            running_projection=avg_projection, decay=decay)

    def start_finetuning(self):
        """Resets the count of fine-tuning batches."""
        self.N = 0


class _PatchedDeserializer(serializer_module.Deserializer):
    # Applies a fixing function to the arrays of some keys as they are read.

    def __init__(self, base, patches):
        self.base = base
        self.patches = patches

    def __repr__(self):
        return '_PatchedDeserializer({}, {})'.format(
            repr(self.base), repr(self.patches))

    def __call__(self, key, value):
        if key not in self.patches:
            return self.base(key, value)
        arr = self.patches[key](self.base(key, None))
        if value is None:
            return arr
        backend.copyto(value, arr)
        return value


def _warn_old_model():
    warnings.warn(
        'Found moving statistics of old DecorrelatedBatchNormalization, whose '
        'algorithm was different from the paper.')


def fix_avg_mean(avg_mean, groups):
    """Adds the group axis to an ``avg_mean`` saved without it."""
    if avg_mean.ndim == 2:
        return avg_mean
    elif avg_mean.ndim == 1:
        if groups != 1:
            _warn_old_model()
        return numpy.broadcast_to(avg_mean, (groups,) + avg_mean.shape)
    raise ValueError('unexpected shape of avg_mean')


def fix_avg_projection(avg_projection, groups):
    """Adds the group axis to an ``avg_projection`` saved without it."""
    if avg_projection.ndim == 3:
        return avg_projection
    elif avg_projection.ndim == 2:
        if groups != 1:
            _warn_old_model()
        return numpy.broadcast_to(
            avg_projection, (groups,) + avg_projection.shape)
    raise ValueError('unexpected shape of avg_projection')
