"""Gumbel-softmax: a differentiable sample of a categorical distribution."""
from chainer_lite import backend
from chainer_lite.functions.activation import softmax
from chainer_lite import variable


def gumbel_softmax(log_pi, tau=0.1, axis=1):
    """Draws relaxed one-hot samples with the Gumbel-softmax trick.

    Adds Gumbel noise :math:`g` to the log-probabilities and applies a
    softmax with temperature :math:`\\tau`: :math:`y = \\mathrm{softmax}((
    \\log\\pi + g) / \\tau)`. As :math:`\\tau \\to 0` the samples approach
    one-hot vectors.

    Args:
        log_pi (:class:`~chainer.Variable` or :ref:`ndarray`): Log
            probabilities (unnormalized).
        tau (float or :class:`~chainer.Variable`): The temperature.
        axis (int): The axis of the categories.

    Returns:
        ~chainer.Variable: Samples of ``log_pi``'s shape and dtype (a 0-dim
        input gives ``1``).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y = F.gumbel_softmax(np.log(np.array([[0.2, 0.8]], np.float32)))
        >>> y.shape, round(float(y.array.sum()), 5)
        ((1, 2), 1.0)

    See: `Categorical Reparameterization with Gumbel-Softmax
    <https://arxiv.org/abs/1611.01144>`_
    """
    xp = backend.get_array_module(log_pi)
    if log_pi.ndim == 0:
        # A single category: the sample is certain.
        return variable.Variable(xp.array(1, dtype=log_pi.dtype))
    noise = xp.random.gumbel(size=log_pi.shape).astype(log_pi.dtype)
    return softmax.softmax((log_pi + noise) / tau, axis=axis)
