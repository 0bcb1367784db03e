"""The digamma function, the derivative of ``lgamma``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class DiGamma(function_node.FunctionNode):

    @property
    def label(self):
        return 'digamma'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        y = _special.get('digamma', xp)(x)
        return utils.force_array(y, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import polygamma
        x, = self.get_retained_inputs()
        xp = backend.get_array_module(x.array)
        return polygamma.polygamma(xp.array(1), x) * grad_outputs[0],


def digamma(x):
    """Elementwise digamma function.

    :math:`\\psi(x) = \\frac{d}{dx} \\log \\Gamma(x)`.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return DiGamma().apply((x,))[0]
