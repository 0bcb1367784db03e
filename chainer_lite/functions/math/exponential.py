"""Exponential and logarithms."""
import math

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class _FloatElementwise(function_node.FunctionNode):
    """An elementwise function of one float array; ``label`` names it."""

    is_elementwise = True

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')


class Exp(_FloatElementwise):

    label = 'exp'

    def forward(self, x):
        self.retain_outputs((0,))
        xp = backend.get_array_module(*x)
        return utils.force_array(xp.exp(x[0])),

    def backward(self, indexes, gy):
        y = self.get_retained_outputs()[0]
        return y * gy[0],


class _Logarithm(_FloatElementwise):
    """``log_b(x)``, whose derivative is ``1 / (x ln b)``."""

    _xp_name = None  # the array module's function
    _inv_log_base = None  # 1 / ln(b); None for the natural logarithm

    def forward(self, inputs):
        self.retain_inputs((0,))
        x = inputs[0]
        xp = backend.get_array_module(x)
        return utils.force_array(getattr(xp, self._xp_name)(x)),

    def backward(self, indexes, gy):
        x = self.get_retained_inputs()[0]
        gx = gy[0] / x
        if self._inv_log_base is not None:
            gx = gx * x.dtype.type(self._inv_log_base)
        return gx,


class Log(_Logarithm):
    label = 'log'
    _xp_name = 'log'


class Log2(_Logarithm):
    label = 'log2'
    _xp_name = 'log2'
    _inv_log_base = 1.0 / math.log(2.0)


class Log10(_Logarithm):
    label = 'log10'
    _xp_name = 'log10'
    _inv_log_base = 1.0 / math.log(10.0)


def exp(x):
    """Elementwise exponential function, :math:`e^x`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.

    Returns:
        ~chainer.Variable: The result, with ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.exp(np.array([0.0])).array
        array([1.])
    """
    return Exp().apply((x,))[0]


def log(x):
    """Elementwise natural logarithm.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.

    Returns:
        ~chainer.Variable: The result, with ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.log(np.array([1.0])).array
        array([0.])
    """
    return Log().apply((x,))[0]


def log2(x):
    """Elementwise logarithm to the base 2.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.

    Returns:
        ~chainer.Variable: The result, with ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.log2(np.array([8.0])).array
        array([3.])
    """
    return Log2().apply((x,))[0]


def log10(x):
    """Elementwise logarithm to the base 10.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.

    Returns:
        ~chainer.Variable: The result, with ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.log10(np.array([100.0])).array
        array([2.])
    """
    return Log10().apply((x,))[0]
