"""WeightStandardization: standardizes a link's weight per output unit."""
from chainer_lite import backend
from chainer_lite.functions.normalization import group_normalization
from chainer_lite import link_hook


class WeightStandardization(link_hook.LinkHook):
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

    def __enter__(self):
        raise NotImplementedError(
            'This hook is not supposed to be used as context manager.')

    def __exit__(self):
        raise NotImplementedError

    def added(self, link):
        if not hasattr(link, self.weight_name):
            raise ValueError(
                'Weight \'{}\' does not exist!'.format(self.weight_name))
        if getattr(link, self.weight_name).array is not None:
            self._initialized = True

    def forward_preprocess(self, cb_args):
        link = cb_args.link
        input_variable = cb_args.args[0]
        if not self._initialized:
            if getattr(link, self.weight_name).array is None:
                if input_variable is None:
                    raise ValueError('Input variable does not exist!')
                link._initialize_params(input_variable.shape[1])
        weight = getattr(link, self.weight_name)
        with backend.using_device(link.device):
            gamma = link.xp.ones((weight.shape[1],), dtype=weight.dtype)
            beta = link.xp.zeros((weight.shape[1],), dtype=weight.dtype)
        self.original_weight = weight
        # Group normalization with one group over a weight whose "batch"
        # axis is the output axis standardizes each output unit's filter.
        normalized = group_normalization.group_normalization(
            weight, groups=1, gamma=gamma, beta=beta, eps=self.eps)
        setattr(link, self.weight_name, normalized)

    def forward_postprocess(self, cb_args):
        setattr(cb_args.link, self.weight_name, self.original_weight)
