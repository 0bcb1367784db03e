"""Initializers drawing from uniform distributions (plain and fan-scaled)."""
from chainer_lite import initializer
from chainer_lite.initializers import _common


class Uniform(initializer.Initializer):
    """Initializes an array with samples of :math:`U(-scale, scale)`.

    Without ``rng`` the samples come from the global random state of the
    array's module (``numpy.random.uniform`` on CPU).

    Args:
        scale (float): Half width of the interval.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> a = np.empty(4, np.float32)
        >>> initializers.Uniform(0.5)(a)
        >>> bool((abs(a) <= 0.5).all())
        True
    """

    def __init__(self, scale=0.05, dtype=None, **kwargs):
        self.scale = scale
        self.rng = _common.take_rng(kwargs)
        super(Uniform, self).__init__(dtype)

    def __call__(self, array):
        _common.check_dtype(self, array)
        _common.fill_random(
            self, array, 'uniform', low=-self.scale, high=self.scale)


class LeCunUniform(_common.FanScaled):
    """Initializes an array with uniform samples scaled by the fan-in.

    The interval is :math:`[-s, s]`, :math:`s = scale \\sqrt{3/fan_{in}}`.

    Reference: LeCun et al., Efficient BackProp (1998).

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Uniform
    numerator = 3.


class GlorotUniform(_common.FanScaled):
    """Initializes an array with uniform samples scaled by both fans.

    The interval is :math:`[-s, s]`,
    :math:`s = scale \\sqrt{6/(fan_{in}+fan_{out})}`.

    Reference: Glorot and Bengio, AISTATS 2010.

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Uniform
    numerator = 6.

    def fan(self, fan_in, fan_out):
        return fan_in + fan_out


class HeUniform(_common.FanScaled):
    """Initializes an array with uniform samples scaled for ReLU networks.

    The interval is :math:`[-s, s]`, :math:`s = scale \\sqrt{6/fan_{in}}`.

    Reference: He et al., https://arxiv.org/abs/1502.01852

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    distribution = Uniform
    numerator = 6.
