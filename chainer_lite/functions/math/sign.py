"""Elementwise sign (not differentiable)."""
from chainer_lite import backend
from chainer_lite import utils
from chainer_lite import variable


def sign(x):
    """Elementwise sign function: -1, 0 or 1 by the sign of each element.

    The result has no gradient: it is a new variable outside the graph.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A numeric array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sign(np.array([-2.0, 0.0, 3.0])).array
        array([-1.,  0.,  1.])
    """
    if isinstance(x, variable.Variable):
        x = x.array
    xp = backend.get_array_module(x)
    return variable.as_variable(utils.force_array(xp.sign(x)))
