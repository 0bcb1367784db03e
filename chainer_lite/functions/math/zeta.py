"""The Hurwitz zeta function."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class Zeta(function_node.FunctionNode):

    """Hurwitz zeta function of a fixed ``x``, differentiable in ``q``."""

    def __init__(self, x):
        self._x = x

    @property
    def label(self):
        return 'zeta'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('q',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        q, = inputs
        xp = backend.get_array_module(q)
        self.retain_inputs((0,))
        y = _special.get('zeta', xp)(self._x, q)
        return utils.force_array(y, dtype=q.dtype),

    def backward(self, indexes, grad_outputs):
        q, = self.get_retained_inputs()
        # d zeta(x, q) / dq = -x * zeta(x + 1, q)
        return grad_outputs[0] * -self._x * zeta(self._x + 1, q),


def zeta(x, q):
    """Hurwitz zeta function, :math:`\\zeta(x, q) = \\sum_k (k + q)^{-x}`.

    Differentiable with respect to ``q`` only. The CPU forward needs SciPy
    (``scipy.special``); without it an :class:`ImportError` is raised.

    Args:
        x (float or :ref:`ndarray`): The exponent (a constant).
        q (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the dtype of ``q``.
    """
    return Zeta(x).apply((q,))[0]
