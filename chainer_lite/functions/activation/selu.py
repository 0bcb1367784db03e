"""Scaled exponential linear unit, ``scale * elu(x, alpha)``."""
from chainer_lite.functions.activation import elu


def selu(x,
         alpha=1.6732632423543772848170429916717,
         scale=1.0507009873554804934193349852946):
    """Scaled exponential linear unit (SELU).

    Computes :math:`\\lambda x` for :math:`x \\ge 0` and
    :math:`\\lambda \\alpha (\\exp(x) - 1)` otherwise; the default
    parameters are the self-normalizing ones of
    https://arxiv.org/abs/1706.02515.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        alpha (float): The ELU parameter :math:`\\alpha`.
        scale (float): The output scale :math:`\\lambda`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.selu(np.array([1.0]), scale=2.0).array
        array([2.])
    """
    return scale * elu.elu(x, alpha=alpha)
