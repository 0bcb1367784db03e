"""Trigonometric functions and their inverses (``arctan2`` included)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _elementwise
from chainer_lite.utils import type_check


def _square(x):
    from chainer_lite.functions.math import square
    return square.square(x)


def _sqrt(x):
    from chainer_lite.functions.math import sqrt
    return sqrt.sqrt(x)


class Sin(_elementwise.UnaryElementwise):

    _func_name = 'sin'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return cos(x) * grad_outputs[0],


def sin(x):
    """Elementwise sine function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sin(np.array([0.0, np.pi / 2])).array
        array([0., 1.])
    """
    return Sin().apply((x,))[0]


class Cos(_elementwise.UnaryElementwise):

    _func_name = 'cos'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return -sin(x) * grad_outputs[0],


def cos(x):
    """Elementwise cosine function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cos(np.array([0.0, np.pi])).array
        array([ 1., -1.])
    """
    return Cos().apply((x,))[0]


class Tan(_elementwise.UnaryElementwise):

    _func_name = 'tan'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / _square(cos(x)),


def tan(x):
    """Elementwise tangent function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.tan(np.array([0.0, np.pi / 4])).array
        array([0., 1.])
    """
    return Tan().apply((x,))[0]


class Arcsin(_elementwise.UnaryElementwise):

    _func_name = 'arcsin'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / _sqrt(1 - _square(x)),


def arcsin(x):
    """Elementwise arcsine function, :math:`y_i = \\arcsin x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array with values in :math:`[-1, 1]`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.arcsin(np.array([0.0, 1.0])).array
        array([0.        , 1.57079633])
    """
    return Arcsin().apply((x,))[0]


class Arccos(_elementwise.UnaryElementwise):

    _func_name = 'arccos'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return -grad_outputs[0] / _sqrt(1 - _square(x)),


def arccos(x):
    """Elementwise arccosine function, :math:`y_i = \\arccos x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array with values in :math:`[-1, 1]`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.arccos(np.array([1.0, 0.0])).array
        array([0.        , 1.57079633])
    """
    return Arccos().apply((x,))[0]


class Arctan(_elementwise.UnaryElementwise):

    _func_name = 'arctan'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / (_square(x) + 1),


def arctan(x):
    """Elementwise arctangent function, :math:`y_i = \\arctan x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.arctan(np.array([0.0, 1.0])).array
        array([0.        , 0.78539816])
    """
    return Arctan().apply((x,))[0]


class Arctan2(function_node.FunctionNode):

    @property
    def label(self):
        return 'arctan2'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(in_types[0].dtype.kind == 'f')
        type_check.expect(in_types[1].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        xp = backend.get_array_module(*inputs)
        x1, x2 = inputs
        return utils.force_array(xp.arctan2(x1, x2)),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import sum as sum_mod
        x1, x2 = self.get_retained_inputs()
        # d atan2(x1, x2) = (x2 dx1 - x1 dx2) / (x1^2 + x2^2)
        g = grad_outputs[0] / (_square(x1) + _square(x2))
        ret = []
        if 0 in indexes:
            ret.append(sum_mod.sum_to(g * x2, x1.shape))
        if 1 in indexes:
            ret.append(sum_mod.sum_to(-g * x1, x2.shape))
        return ret


def arctan2(x1, x2):
    """Elementwise arctangent of ``x1 / x2``, choosing the quadrant.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Y-coordinates, a
            float array.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): X-coordinates, a
            float array.

    Returns:
        ~chainer.Variable: The angles in :math:`[-\\pi, \\pi]`.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.arctan2(np.array([1.0, 1.0]), np.array([1.0, -1.0])).array
        array([0.78539816, 2.35619449])
    """
    return Arctan2().apply((x1, x2))[0]
