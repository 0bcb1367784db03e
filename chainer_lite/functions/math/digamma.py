"""The digamma function, the derivative of ``lgamma``."""
from chainer_lite import backend
from chainer_lite.functions.math import _elementwise


class DiGamma(_elementwise.SpecialUnaryElementwise):

    _func_name = 'digamma'

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
