"""WeightStandardization: standardizes a link's weight per output unit."""
from chainer_lite import backend
from chainer_lite.functions.normalization import group_normalization
from chainer_lite.link_hooks import _weight_hook


class WeightStandardization(_weight_hook.WeightSubstitutionHook):
    """Link hook standardizing the weight during each forward call.

    The weight ``W`` is replaced, for the call, by ``W`` normalized to zero
    mean and unit variance over all axes but the first (each output unit's
    filter separately), computed on the graph so gradients flow to ``W``.
    The hook must be registered with :meth:`~chainer.Link.add_hook`.

    Reference: Qiao et al., https://arxiv.org/abs/1903.10520

    Args:
        eps (float): Epsilon of the normalization.
        weight_name (str): Name of the weight parameter.
        name (str): Name of the hook (``'WeightStandardization'``).

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> from chainer.link_hooks import WeightStandardization
        >>> conv = L.Convolution2D(2, 3, 3)
        >>> _ = conv.add_hook(WeightStandardization())
        >>> conv(np.ones((1, 2, 4, 4), np.float32)).shape
        (1, 3, 2, 2)
    """

    name = 'WeightStandardization'

    def __init__(self, *, eps=1e-5, weight_name='W', name=None):
        self.eps = eps
        self.weight_name = weight_name
        self._initialized = False
        if name is not None:
            self.name = name

    def added(self, link):
        self._check_weight_exists(link)
        if getattr(link, self.weight_name).array is not None:
            self._initialized = True

    def _substitute(self, link, cb_args):
        x = cb_args.args[0]
        W = getattr(link, self.weight_name)
        if not self._initialized and W.array is None:
            # A lazily sized link: the first input decides the weight shape.
            if x is None:
                raise ValueError('Input variable does not exist!')
            link._initialize_params(x.shape[1])
        # Group normalization with a single group, applied to the weight as
        # if its output axis were the batch axis, standardizes each output
        # unit's filter; unit scale and zero shift leave it at that.
        n_channels = W.shape[1]
        with backend.using_device(link.device):
            ones = link.xp.ones((n_channels,), dtype=W.dtype)
            zeros = link.xp.zeros((n_channels,), dtype=W.dtype)
        return group_normalization.group_normalization(
            W, groups=1, gamma=ones, beta=zeros, eps=self.eps)
