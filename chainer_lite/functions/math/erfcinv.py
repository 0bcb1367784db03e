"""The inverse of the complementary error function."""
import math

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class ErfcInv(function_node.FunctionNode):

    @property
    def label(self):
        return 'erfcinv'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        y = _special.get('erfcinv', xp)(x)
        return utils.force_array(y, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        y, = self.get_retained_outputs()
        return -_HALF_SQRT_PI * exponential.exp(y ** 2) * grad_outputs[0],


def erfcinv(x):
    """Elementwise inverse of the complementary error function.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return ErfcInv().apply((x,))[0]


_HALF_SQRT_PI = math.pi ** 0.5 / 2
