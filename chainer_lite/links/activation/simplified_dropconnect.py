"""L.SimplifiedDropconnect: a linear layer dropping weights at random."""
from chainer_lite.functions.noise import simplified_dropconnect
from chainer_lite import link
from chainer_lite.links import _params


class SimplifiedDropconnect(link.Link):
    """Fully-connected layer with DropConnect on its weight.

    ``W`` ``(out_size, in_size)`` is drawn from HeNormal with scale
    :math:`1/\\sqrt{2}` by default and ``b`` starts at zero. With
    ``in_size=None`` ``W`` is created at the first call.

    Reference: Wan et al., ICML 2013.

    Args:
        in_size (int or None): Input dimension.
        out_size (int): Output dimension.
        ratio (float): Probability of dropping each weight.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.

    .. seealso:: :func:`~chainer.functions.simplified_dropconnect`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.SimplifiedDropconnect(3, 2)
        >>> layer(np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def __init__(self, in_size, out_size, ratio=.5, nobias=False,
                 initialW=None, initial_bias=None):
        super(SimplifiedDropconnect, self).__init__()
        self.out_size = out_size
        self.ratio = ratio
        if initialW is None:
            initialW = _params.he_normal_half_gain()
        with self.init_scope():
            self.W = _params.new_weight(initialW)
            if in_size is not None:
                self._initialize_params(in_size)
            self.b = _params.new_bias(out_size, nobias, initial_bias)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    def forward(self, x, train=True, mask=None, use_batchwise_mask=True):
        """Applies the layer.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.
            train (bool): If ``False``, no weight is dropped.
            mask (:ref:`ndarray`): A fixed keep-mask to use (stored as the
                persistent value ``mask`` the first time).
            use_batchwise_mask (bool): One mask per example (``True``) or
                one for the whole batch.

        Returns:
            ~chainer.Variable: Output ``(n, out_size)``.
        """
        if self.W.array is None:
            self._initialize_params(x.size // len(x))
        # The first mask given is kept (and serialized) with the link.
        if mask is not None and not hasattr(self, 'mask'):
            self.add_persistent('mask', mask)
        return simplified_dropconnect.simplified_dropconnect(
            x, self.W, b=self.b, ratio=self.ratio, train=train, mask=mask,
            use_batchwise_mask=use_batchwise_mask)
