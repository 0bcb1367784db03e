"""Gaussian sampling with the reparameterization ``mean + sigma * eps``."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import exponential
from chainer_lite import utils
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


class Gaussian(function_node.FunctionNode):

    """Samples ``mean + exp(ln_var / 2) * eps`` differentiably.

    The standard normal noise ``eps`` is drawn on the first forward (with
    NumPy's global generator on the CPU) unless given, and reused after.
    """

    def __init__(self, eps=None):
        self.eps = eps

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('mean', 'ln_var'))
        m_type, v_type = in_types
        type_check.expect(
            m_type.dtype.kind == 'f',
            m_type.dtype == v_type.dtype,
            m_type.shape == v_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        mean, ln_var = inputs
        xp = backend.get_array_module(mean)
        if self.eps is None:
            if xp is numpy:
                eps = numpy.random.standard_normal(ln_var.shape)
            else:
                # cupy.random draws no float16; draw float32 and cast.
                eps = xp.random.standard_normal(ln_var.shape,
                                                dtype=numpy.float32)
            self.eps = eps.astype(mean.dtype, copy=False)
        self.noise = xp.exp(ln_var * mean.dtype.type(0.5)) * self.eps
        return utils.force_array(mean + self.noise),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        if 1 not in indexes:
            return gy,
        ln_var, = self.get_retained_inputs()
        # d/d ln_var of exp(ln_var / 2) * eps is half the noise itself.
        g_ln_var = gy * exponential.exp(ln_var * 0.5) * (self.eps * 0.5)
        return [gy if i == 0 else g_ln_var for i in indexes]


def gaussian(mean, ln_var, **kwargs):
    """gaussian(mean, ln_var, *, eps=None, return_eps=False)

    Draws a sample of a diagonal Gaussian, differentiably.

    Draws :math:`z = \\mu + \\exp(\\frac{1}{2}\\log\\sigma^2) \\epsilon`
    with :math:`\\epsilon \\sim N(0, I)`, differentiable in ``mean`` and
    ``ln_var`` (the reparameterization trick).

    Args:
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): Mean
            :math:`\\mu`.
        ln_var (:class:`~chainer.Variable` or :ref:`ndarray`): Log of the
            variance :math:`\\log\\sigma^2`, of ``mean``'s shape and dtype.
        eps (:ref:`ndarray` or None): The noise to use (``None``: draw it).
        return_eps (bool): Also return the noise used.

    Returns:
        ~chainer.Variable or tuple: The sample, or ``(sample, eps)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> mean = np.zeros(2, np.float32)
        >>> eps = np.array([1., -1.], np.float32)
        >>> F.gaussian(mean, np.zeros(2, np.float32), eps=eps).array
        array([ 1., -1.], dtype=float32)
    """
    eps, return_eps = argument.parse_kwargs(
        kwargs, ('eps', None), ('return_eps', False))
    node = Gaussian(eps)
    z = node.apply((mean, ln_var))[0]
    return (z, node.eps) if return_eps else z
