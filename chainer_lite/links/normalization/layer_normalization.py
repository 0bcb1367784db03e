"""L.LayerNormalization: normalization over the features of each example."""
from chainer_lite.functions.normalization import layer_normalization
from chainer_lite import link
from chainer_lite.links.normalization import _common
from chainer_lite import utils


class LayerNormalization(link.Link):
    """Layer normalization layer on 2-D inputs ``(n, size)``.

    Each row is normalized to zero mean and unit variance, then scaled by
    ``gamma`` and shifted by ``beta``. With ``size=None`` the size is taken
    from the first input.

    Reference: Ba et al., https://arxiv.org/abs/1607.06450

    Args:
        size (int or None): Number of features.
        eps (float): Epsilon of the normalization.
        initial_gamma: Initializer of ``gamma`` (1).
        initial_beta: Initializer of ``beta`` (0).

    .. seealso:: :func:`~chainer.functions.layer_normalization`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.LayerNormalization()
        >>> y = layer(np.arange(6, dtype=np.float32).reshape(2, 3))
        >>> np.allclose(y.array.mean(axis=1), 0, atol=1e-6)
        True
    """

    def __init__(self, size=None, eps=1e-6, initial_gamma=None,
                 initial_beta=None):
        super(LayerNormalization, self).__init__()
        self.eps = eps
        with self.init_scope():
            self.gamma = _common.deferred_param(initial_gamma, 1)
            self.beta = _common.deferred_param(initial_beta, 0)
        if size is not None:
            self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

    def forward(self, x):
        """Normalizes each row.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input ``(n, size)``.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.gamma.array is None:
            # One scale and shift per feature of an example.
            self._initialize_params(utils.size_of_shape(x.shape[1:]))
        return layer_normalization.layer_normalization(
            x, self.gamma, self.beta, eps=self.eps)
