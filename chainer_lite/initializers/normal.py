"""Initializers drawing from Gaussian distributions (plain and fan-scaled)."""
from chainer_lite import initializer
from chainer_lite.initializers import _common


class Normal(initializer.Initializer):
    """Initializes an array with samples of :math:`N(0, scale^2)`.

    Without ``rng`` the samples come from the global random state of the
    array's module (``numpy.random.normal`` on CPU), drawn in float64 and
    cast, so ``numpy.random.seed`` makes them reproducible.

    Args:
        scale (float): Standard deviation.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> a = np.empty((2, 3), np.float32)
        >>> initializers.Normal(0.1)(a)
        >>> a.shape
        (2, 3)
    """

    def __init__(self, scale=0.05, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _common.take_rng(kwargs)
        super(Normal, self).__init__(dtype)

    def __call__(self, array):
        _common.check_dtype(self, array)
        _common.fill_random(self, array, 'normal', loc=0.0, scale=self.scale)


class LeCunNormal(_common.FanScaled):
    """Initializes an array with Gaussian samples scaled by the fan-in.

    The standard deviation is :math:`s = scale \\sqrt{1/fan_{in}}`.

    Reference: LeCun et al., Efficient BackProp (1998).

    Args:
        scale (float): Factor of the standard deviation.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Normal
    numerator = 1.


class GlorotNormal(_common.FanScaled):
    """Initializes an array with Gaussian samples scaled by both fans.

    The standard deviation is
    :math:`s = scale \\sqrt{2/(fan_{in}+fan_{out})}`.

    Reference: Glorot and Bengio, AISTATS 2010.

    Args:
        scale (float): Factor of the standard deviation.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Normal
    numerator = 2.

    def fan(self, fan_in, fan_out):
        return fan_in + fan_out


class HeNormal(_common.FanScaled):
    """Initializes an array with Gaussian samples scaled for ReLU networks.

    The standard deviation is :math:`s = scale \\sqrt{2/fan}`.

    ``fan`` is the fan-in or the fan-out, as ``fan_option`` says.
    Reference: He et al., https://arxiv.org/abs/1502.01852

    Args:
        scale (float): Factor of the standard deviation.
        dtype: Data type specifier.
        fan_option ({'fan_in', 'fan_out'}): Which fan to use.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Normal
    numerator = 2.

    def __init__(self, scale=1.0, dtype=None, fan_option='fan_in', **kwargs):
        self.fan_option = fan_option
        super(HeNormal, self).__init__(scale, dtype, **kwargs)

    def fan(self, fan_in, fan_out):
        if self.fan_option == 'fan_in':
            return fan_in
        if self.fan_option == 'fan_out':
            return fan_out
        raise ValueError(
            'fan_option should be either \'fan_in\' or \'fan_out\'.')
