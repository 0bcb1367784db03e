"""The polygamma functions, derivatives of the digamma function."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class PolyGamma(function_node.FunctionNode):

    @property
    def label(self):
        return 'polygamma'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('n', 'x'))
        n_type, x_type = in_types
        type_check.expect(
            n_type.dtype.kind == 'i',
            x_type.dtype.kind == 'f',
        )

    def forward(self, inputs):
        n, x = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0, 1))
        y = _special.get('polygamma', xp)(n, x)
        return utils.force_array(y, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        n, x = self.get_retained_inputs()
        # The order n is an integer: no gradient.
        return None, polygamma(n + 1, x) * grad_outputs[0]


def polygamma(n, x):
    """Polygamma function of order ``n``: the (n+1)-th derivative of log-gamma.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        n (:class:`~chainer.Variable` or :ref:`ndarray`): The orders, an
            integer array (not differentiated).
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the dtype of ``x``.
    """
    return PolyGamma().apply((n, x))[0]
