"""The scaled complementary error function, ``exp(x ** 2) * erfc(x)``."""
import math

from chainer_lite.functions.math import _elementwise


class Erfcx(_elementwise.SpecialUnaryElementwise):

    _func_name = 'erfcx'
    _retained = ('x', 'y')

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
