"""Initializers drawing from Gaussian distributions (plain and fan-scaled)."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer
from chainer_lite.utils import argument


def _check_dtype(init, array):
    if init.dtype is not None:
        assert array.dtype == init.dtype, '{} != {}'.format(
            array.dtype, init.dtype)


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
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(Normal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        if self.rng is None:
            xp = backend.get_device_from_array(array).xp
            kwargs = {'loc': 0.0, 'scale': self.scale, 'size': array.shape}
            if xp is not numpy and self.dtype in (numpy.float32,
                                                  numpy.float16):
                # CuPy can sample float32 directly (cuRAND has no float16).
                kwargs['dtype'] = numpy.float32
            array[...] = xp.random.normal(**kwargs)
        else:
            samples = self.rng.normal(
                loc=0.0, scale=self.scale, size=array.shape)
            backend.copyto(array, samples.astype(array.dtype, copy=False))


class LeCunNormal(initializer.Initializer):
    """Initializes an array with Gaussian samples scaled by the fan-in.

    The standard deviation is :math:`s = scale \\sqrt{1/fan_{in}}`.

    Reference: LeCun et al., Efficient BackProp (1998).

    Args:
        scale (float): Factor of the standard deviation.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(LeCunNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, _ = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(1. / fan_in)
        Normal(s, rng=self.rng)(array)


class GlorotNormal(initializer.Initializer):
    """Initializes an array with Gaussian samples scaled by both fans.

    The standard deviation is
    :math:`s = scale \\sqrt{2/(fan_{in}+fan_{out})}`.

    Reference: Glorot and Bengio, AISTATS 2010.

    Args:
        scale (float): Factor of the standard deviation.
        dtype: Data type specifier.
        rng (xp.random.RandomState): Random number generator to draw from.
    """

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(GlorotNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        s = self.scale * numpy.sqrt(2. / (fan_in + fan_out))
        Normal(s, rng=self.rng)(array)


class HeNormal(initializer.Initializer):
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

    def __init__(self, scale=1.0, dtype=None, fan_option='fan_in', **kwargs):
        self.scale = scale
        self.fan_option = fan_option
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        super(HeNormal, self).__init__(dtype)

    def __call__(self, array):
        _check_dtype(self, array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        if self.fan_option == 'fan_in':
            s = self.scale * numpy.sqrt(2. / fan_in)
        elif self.fan_option == 'fan_out':
            s = self.scale * numpy.sqrt(2. / fan_out)
        else:
            raise ValueError(
                'fan_option should be either \'fan_in\' or \'fan_out\'.')
        Normal(s, rng=self.rng)(array)
