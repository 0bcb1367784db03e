"""L.GroupNormalization: normalization over groups of channels."""
import numpy

import chainer_lite
from chainer_lite.functions.normalization import group_normalization
from chainer_lite import link
from chainer_lite.links.normalization import _common


class GroupNormalization(link.Link):
    """Group normalization layer.

    Each example's channels are split into ``groups`` groups normalized
    separately, then scaled by ``gamma`` and shifted by ``beta`` (one value
    per channel, float32 in ``mixed16`` mode). With ``size=None`` the
    number of channels is taken from the first input.

    Reference: Wu and He, https://arxiv.org/abs/1803.08494

    Args:
        groups (int): Number of channel groups.
        size (int or None): Number of channels.
        eps (float): Epsilon of the normalization.
        initial_gamma: Initializer of ``gamma`` (1).
        initial_beta: Initializer of ``beta`` (0).

    .. seealso:: :func:`~chainer.functions.group_normalization`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.GroupNormalization(2)
        >>> layer(np.random.randn(3, 4, 5).astype(np.float32)).shape
        (3, 4, 5)
        >>> layer.gamma.shape
        (4,)
    """

    def __init__(self, groups, size=None, eps=1e-5, initial_gamma=None,
                 initial_beta=None):
        super(GroupNormalization, self).__init__()
        self.groups = groups
        self.eps = eps
        # float32 parameters under mixed16.
        param_dtype = chainer_lite.get_dtype(None, map_mixed16=numpy.float32)
        with self.init_scope():
            self.gamma = _common.deferred_param(
                initial_gamma, 1, dtype=param_dtype)
            self.beta = _common.deferred_param(
                initial_beta, 0, dtype=param_dtype)
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

    def forward(self, x):
        """Normalizes the input.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, ...)``.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.gamma.array is None:
            if x.ndim < 2:
                raise ValueError('Input dimension must be at least 2, '
                                 'including batch size dimension '
                                 '(first dimension).')
            self._initialize_params(x.shape[1])  # one value per channel
        return group_normalization.group_normalization(
            x, self.groups, self.gamma, self.beta, eps=self.eps)
