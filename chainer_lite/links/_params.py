"""Weight and bias parameters as the built-in links create them."""
import numpy

from chainer_lite import initializers
from chainer_lite import variable


def he_normal_half_gain():
    """HeNormal with scale ``1 / sqrt(2)``: the default filter initializer
    of some links (SimplifiedDropconnect, DepthwiseConvolution2D)."""
    return initializers.HeNormal(1. / numpy.sqrt(2))


def new_weight(initialW, shape=None):
    """Creates a weight parameter from an ``initialW``-style argument.

    ``None`` selects the default initializer (LeCunNormal); an array or a
    scalar becomes a constant. Without ``shape`` the parameter stays
    uninitialized until the link learns its input size.
    """
    return variable.Parameter(initializers._get_initializer(initialW), shape)


def new_bias(size, nobias=False, initial_bias=None, fill=0):
    """Creates a bias parameter, or returns ``None`` when ``nobias``.

    An ``initial_bias`` of ``None`` means a constant ``fill``.
    """
    if nobias:
        return None
    if initial_bias is None:
        initial_bias = fill
    return variable.Parameter(
        initializers._get_initializer(initial_bias), size)
