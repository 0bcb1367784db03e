"""Exponential and logarithms."""
import math

from chainer_lite.functions.math import _elementwise


class Exp(_elementwise.UnaryElementwise):

    _func_name = 'exp'
    _retained = ('y',)

    def backward(self, indexes, gy):
        y = self.get_retained_outputs()[0]
        return y * gy[0],


class _Logarithm(_elementwise.UnaryElementwise):
    """``log_b(x)``, whose derivative is ``1 / (x ln b)``."""

    _inv_log_base = None  # 1 / ln(b); None for the natural logarithm

    def backward(self, indexes, gy):
        x = self.get_retained_inputs()[0]
        gx = gy[0] / x
        if self._inv_log_base is not None:
            gx = gx * x.dtype.type(self._inv_log_base)
        return gx,


class Log(_Logarithm):
    _func_name = 'log'


class Log2(_Logarithm):
    _func_name = 'log2'
    _inv_log_base = 1.0 / math.log(2.0)


class Log10(_Logarithm):
    _func_name = 'log10'
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
