"""Pieces shared by the built-in initializers."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer
from chainer_lite.utils import argument


def check_dtype(init, array):
    """Asserts that ``array`` has the dtype the initializer asks for."""
    if init.dtype is not None:
        assert array.dtype == init.dtype, '{} != {}'.format(
            array.dtype, init.dtype)


def take_rng(kwargs):
    """The optional ``rng`` keyword argument of random initializers."""
    rng, = argument.parse_kwargs(kwargs, ('rng', None))
    return rng


def fill_random(init, array, method, **params):
    """Fills ``array`` with draws of ``rng.<method>(**params)``.

    Without ``init.rng`` the global generator of the array's module is used
    (``numpy.random`` on CPU); its float64 samples are cast on assignment,
    so a seeded NumPy gives the same values as Chainer.
    """
    if init.rng is not None:
        samples = getattr(init.rng, method)(size=array.shape, **params)
        backend.copyto(array, samples.astype(array.dtype, copy=False))
        return
    xp = backend.get_device_from_array(array).xp
    if (method == 'normal' and xp is not numpy
            and init.dtype in (numpy.float32, numpy.float16)):
        # CuPy can sample float32 directly (cuRAND has no float16).
        params['dtype'] = numpy.float32
    array[...] = getattr(xp.random, method)(size=array.shape, **params)


class FanScaled(initializer.Initializer):
    """Base of the initializers whose spread follows the fans of the array.

    The spread (standard deviation or half width) passed to
    ``distribution`` is ``scale * sqrt(numerator / fan)``, where a subclass
    picks ``numerator`` and :meth:`fan`.
    """

    distribution = None  # Normal or Uniform
    numerator = None

    def __init__(self, scale=1.0, dtype=None, **kwargs):
        self.scale = scale
        self.rng = take_rng(kwargs)
        super(FanScaled, self).__init__(dtype)

    def fan(self, fan_in, fan_out):
        return fan_in

    def __call__(self, array):
        check_dtype(self, array)
        fan = self.fan(*initializer.get_fans(array.shape))
        spread = self.scale * numpy.sqrt(self.numerator / fan)
        self.distribution(spread, rng=self.rng)(array)
