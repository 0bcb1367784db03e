"""The scaled complementary error function, ``exp(x ** 2) * erfc(x)``."""
import math

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class Erfcx(function_node.FunctionNode):

    @property
    def label(self):
        return 'erfcx'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        y = _special.get('erfcx', xp)(x)
        return utils.force_array(y, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        return 2 * (x * y - math.pi ** -0.5) * grad_outputs[0],


def erfcx(x):
    """Scaled complementary error function of every element.

    :math:`\\mathrm{erfcx}(x) = \\exp(x^2) \\mathrm{erfc}(x)`.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return Erfcx().apply((x,))[0]
