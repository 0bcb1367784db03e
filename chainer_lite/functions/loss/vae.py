"""Losses used by variational auto-encoders: Gaussian KL divergence and the
negative log-likelihoods of Bernoulli and Gaussian distributions."""
import math

from chainer_lite.functions.activation import softplus
from chainer_lite.functions.math import average
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import sum as _sum


_LOG_TWO_PI = math.log(2 * math.pi)


def _check_reduce(reduce):
    if reduce not in ('sum', 'mean', 'no'):
        raise ValueError(
            "only 'sum', 'mean' and 'no' are valid for 'reduce', but '%s' "
            'is given' % reduce)


def _reduce(loss, reduce):
    if reduce == 'sum':
        return _sum.sum(loss)
    if reduce == 'mean':
        return average.average(loss)
    return loss


def gaussian_kl_divergence(mean, ln_var, reduce='sum'):
    """KL divergence of diagonal Gaussians from the standard normal.

    With ``mean`` :math:`\\mu` and ``ln_var`` :math:`\\log \\sigma^2` it
    computes, elementwise, :math:`D_{KL}(N(\\mu, \\sigma^2) \\| N(0, 1)) =
    \\frac{1}{2}(\\mu^2 + \\sigma^2 - \\log \\sigma^2 - 1)`.

    Args:
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): The mean.
        ln_var (:class:`~chainer.Variable` or :ref:`ndarray`): The log of
            the variance, of ``mean``'s shape.
        reduce (str): ``'sum'``, ``'mean'`` (a scalar) or ``'no'``
            (elementwise).

    Returns:
        ~chainer.Variable: The KL divergence.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> mean = np.array([0.0, 1.0], np.float32)
        >>> F.gaussian_kl_divergence(mean, np.zeros(2, np.float32)).array
        array(0.5, dtype=float32)
    """
    _check_reduce(reduce)
    var = exponential.exp(ln_var)
    loss = (mean * mean + var - ln_var - 1) * 0.5
    return _reduce(loss, reduce)


def bernoulli_nll(x, y, reduce='sum'):
    """Negative log-likelihood of ``x`` under Bernoulli(sigmoid(y)).

    With :math:`p = \\sigma(y)`, it computes elementwise
    :math:`-\\{x \\log p + (1 - x) \\log(1 - p)\\} = \\mathrm{softplus}(y)
    - x y`, so ``y`` can be the raw output of a linear layer.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Observed values.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Pre-sigmoid
            parameter of the distribution.
        reduce (str): ``'sum'``, ``'mean'`` (a scalar) or ``'no'``
            (elementwise).

    Returns:
        ~chainer.Variable: The negative log-likelihood.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([1.0, 0.0], np.float32)
        >>> F.bernoulli_nll(x, np.zeros(2, np.float32), reduce='no').array
        array([0.6931472, 0.6931472], dtype=float32)
    """
    _check_reduce(reduce)
    loss = softplus.softplus(y) - x * y
    return _reduce(loss, reduce)


def gaussian_nll(x, mean, ln_var, reduce='sum'):
    """Negative log-likelihood of ``x`` under a diagonal Gaussian.

    Elementwise, :math:`-\\log N(x; \\mu, \\sigma^2) = \\frac{1}{2}
    (\\log \\sigma^2 + \\log 2\\pi) + \\frac{(x - \\mu)^2}{2 \\sigma^2}`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Observed values.
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): The mean
            :math:`\\mu`.
        ln_var (:class:`~chainer.Variable` or :ref:`ndarray`): The log of
            the variance :math:`\\log \\sigma^2`.
        reduce (str): ``'sum'``, ``'mean'`` (a scalar) or ``'no'``
            (elementwise).

    Returns:
        ~chainer.Variable: The negative log-likelihood.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.zeros(1, np.float32)
        >>> F.gaussian_nll(x, x, np.zeros(1, np.float32)).array
        array(0.9189385, dtype=float32)
    """
    _check_reduce(reduce)
    deviation = x - mean
    scaled_sq = deviation * deviation * exponential.exp(-ln_var)
    loss = (ln_var + scaled_sq + _LOG_TWO_PI) * 0.5
    return _reduce(loss, reduce)
