"""Initializers drawing from uniform distributions (plain and fan-scaled)."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer
from chainer_lite.utils import argument


def _check_dtype(init, array):
    if init.dtype is not None:
        assert array.dtype == init.dtype, '{} != {}'.format(
            array.dtype, init.dtype)


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
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(Uniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        if self.rng is None:
            xp = backend.get_device_from_array(array).xp
            array[...] = xp.random.uniform(
                low=-self.scale, high=self.scale, size=array.shape)
        else:
            samples = self.rng.uniform(
                low=-self.scale, high=self.scale, size=array.shape)
            backend.copyto(array, samples.astype(array.dtype, copy=False))


class LeCunUniform(initializer.Initializer):
    """Initializes an array with uniform samples scaled by the fan-in.

    The interval is :math:`[-s, s]`, :math:`s = scale \\sqrt{3/fan_{in}}`.

    Reference: LeCun et al., Efficient BackProp (1998).

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(LeCunUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(3. / fan_in)
        Uniform(s, rng=self.rng)(array)


class GlorotUniform(initializer.Initializer):
    """Initializes an array with uniform samples scaled by both fans.

    The interval is :math:`[-s, s]`,
    :math:`s = scale \\sqrt{6/(fan_{in}+fan_{out})}`.

    Reference: Glorot and Bengio, AISTATS 2010.

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(GlorotUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(6. / (fan_in + fan_out))
        Uniform(s, rng=self.rng)(array)


class HeUniform(initializer.Initializer):
    """Initializes an array with uniform samples scaled for ReLU networks.

    The interval is :math:`[-s, s]`, :math:`s = scale \\sqrt{6/fan_{in}}`.

    Reference: He et al., https://arxiv.org/abs/1502.01852

    Args:
        scale (float): Factor of the interval bound.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(HeUniform, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(6. / fan_in)
        Uniform(s, rng=self.rng)(array)
