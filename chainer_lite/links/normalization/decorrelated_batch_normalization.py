"""L.DecorrelatedBatchNormalization: batch whitening of channel groups."""
import functools
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.functions.normalization import \
    decorrelated_batch_normalization as dbn
from chainer_lite import link
from chainer_lite.links.normalization import _common
from chainer_lite import serializer as serializer_module
from chainer_lite.utils import argument


class DecorrelatedBatchNormalization(link.Link):
    """Batch whitening layer (decorrelated batch normalization).

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
        self.groups = groups
        self.decay = decay
        self.eps = eps
        per_group = size // groups
        # Running statistics of each group: mean zero, identity whitening.
        self.avg_mean = numpy.zeros((groups, per_group), dtype=dtype)
        self.avg_projection = numpy.tile(
            numpy.eye(per_group, dtype=dtype), (groups, 1, 1))
        self.N = 0
        for name in ('avg_mean', 'avg_projection', 'N'):
            self.register_persistent(name)

    def serialize(self, serializer):
        if isinstance(serializer, serializer_module.Deserializer):
            # Files written before Chainer v7 (issue #7706) store statistics
            # without the group axis; they are broadcast on loading.
            fixes = {'avg_mean': fix_avg_mean,
                     'avg_projection': fix_avg_projection}
            serializer = _PatchedDeserializer(serializer, {
                key: functools.partial(fix, groups=self.groups)
                for key, fix in fixes.items()})
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
        decay, update = _common.running_decay(self, finetune)
        stats = ((self.avg_mean, self.avg_projection) if update
                 else (None, None))
        return dbn.decorrelated_batch_normalization(
            x, groups=self.groups, eps=self.eps, running_mean=stats[0],
            running_projection=stats[1], decay=decay)

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
        fix = self.patches.get(key)
        if fix is None:
            return self.base(key, value)
        fixed = fix(self.base(key, None))
        if value is None:
            return fixed
        backend.copyto(value, fixed)  # loading into an existing array
        return value


def _warn_old_model():
    warnings.warn(
        'Found moving statistics of old DecorrelatedBatchNormalization, whose '
        'algorithm was different from the paper.')


def _with_group_axis(stat, groups, ndim, name):
    # A statistic of ``ndim`` dimensions is current; one dimension less is
    # the old per-layer format, repeated for every group (the old algorithm
    # differed, hence the warning unless there is a single group).
    if stat.ndim == ndim:
        return stat
    if stat.ndim != ndim - 1:
        raise ValueError('unexpected shape of ' + name)
    if groups != 1:
        _warn_old_model()
    return numpy.broadcast_to(stat, (groups,) + stat.shape)


def fix_avg_mean(avg_mean, groups):
    """Adds the group axis to an ``avg_mean`` saved without it."""
    return _with_group_axis(avg_mean, groups, 2, 'avg_mean')


def fix_avg_projection(avg_projection, groups):
    """Adds the group axis to an ``avg_projection`` saved without it."""
    return _with_group_axis(avg_projection, groups, 3, 'avg_projection')
