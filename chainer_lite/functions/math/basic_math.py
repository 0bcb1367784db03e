"""Arithmetic operators of Variable (+, -, *, /, //, **, @, unary -, abs)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check
from chainer_lite import variable

_Variable = variable.Variable
_numpy_isscalar = numpy.isscalar
_python_scalars = (int, float)


def _isscalar(value):
    # numpy.isscalar is slow; Python numbers are the common operands.
    return type(value) in _python_scalars or _numpy_isscalar(value)


def _sum_to(x, shape):
    from chainer_lite.functions.math import sum as sum_mod
    return sum_mod.sum_to(x, shape)


def _convert_value_to_string(value):
    if isinstance(value, _Variable):
        value = value.array
    if _isscalar(value):
        if value < 0:
            return '({})'.format(value)
        return str(value)
    if variable._is_array(value):
        return 'constant array'
    raise ValueError(
        'Value must be a Variable, scalar, {} or {}. Actual: {}'.format(
            "<class 'numpy.ndarray'>", "<class 'cupy.ndarray'>",
            type(value)))


def _preprocess_const(x, value):
    return x.dtype.type(value)


def _preprocess_rhs(x, value):
    if isinstance(value, _Variable):
        return value
    if not (_isscalar(value) or variable._is_array(value)):
        raise TypeError(
            'Value must be a scalar, `numpy.ndarray`, `cupy.ndarray` '
            'or a `Variable`.\nActual: {}'.format(type(value)))
    return value.astype(x.dtype, copy=False)


def _check_binary(in_types, float_only):
    type_check._argname(in_types, ('lhs', 'rhs'))
    if float_only:
        type_check.expect(in_types[0].dtype.kind == 'f',
                          in_types[0].dtype == in_types[1].dtype)
    else:
        type_check.expect(in_types[0].dtype == in_types[1].dtype)
    type_check.expect_broadcast_shapes(in_types[0].shape, in_types[1].shape)


class _ConstantOperand(function_node.FunctionNode):
    """An elementwise operation between a Variable and a constant ``value``.

    Subclasses set ``_label_format`` (with ``%s`` for the constant) and
    ``_float_only`` (whether integer inputs are refused).
    """

    is_elementwise = True
    _label_format = None
    _float_only = False

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return self._label_format % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        if self._float_only:
            type_check.expect(in_types[0].dtype.kind == 'f')


class Neg(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '__neg__'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, x):
        return utils.force_array(-x[0]),

    def backward(self, indexes, gy):
        return Neg().apply(gy)


def neg(self):  # -x
    """Element-wise negation.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Neg().apply((self,))[0]


class Absolute(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '|_|'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0,))
        return utils.force_array(abs(x[0])),

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0].array
        xp = backend.get_array_module(x)
        return MulConstant(xp.sign(x)).apply(grad_outputs)


def absolute(self):
    """Element-wise absolute value.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Absolute().apply((self,))[0]


class Add(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '_ + _'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_binary(in_types, False)

    def forward(self, x):
        return utils.force_array(x[0] + x[1]),

    def backward(self, indexes, gy):
        return tuple([_sum_to(gy[0], self.inputs[i].shape) for i in indexes])


class AddConstant(_ConstantOperand):

    _label_format = '_ + %s'

    def forward(self, x):
        x = x[0]
        return utils.force_array(x + x.dtype.type(self.value)),

    def backward(self, indexes, gy):
        return gy[0],


class MultiAdd(function_node.FunctionNode):

    is_elementwise = True

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(in_types[0].dtype == in_type.dtype)

    def forward(self, xs):
        if len(xs) == 1:
            return xs
        y = xs[0] + xs[1]  # a new array, safe to update in place below
        for x in xs[2:]:
            if x.shape == y.shape:
                y += x
            else:
                y = x + y
        return utils.force_array(y),

    def backward(self, indexes, gy):
        return tuple([_sum_to(gy[0], self.inputs[i].shape) for i in indexes])


def add(*xs):  # lhs + rhs or add more than 2 variables
    """Element-wise addition.

    With two arguments this is ``lhs + rhs`` (broadcasting); with more, all
    arguments are summed.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if len(xs) == 2:
        lhs, rhs = xs
        if _isscalar(rhs):
            return AddConstant(rhs).apply((lhs,))[0]
        rhs = _preprocess_rhs(lhs, rhs)
        return Add().apply((lhs, rhs))[0]
    return MultiAdd().apply(xs)[0]


class Sub(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '_ - _'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_binary(in_types, False)

    def forward(self, x):
        return utils.force_array(x[0] - x[1]),

    def backward(self, indexes, gy):
        g = gy[0]
        ret = []
        for i in indexes:
            gx = _sum_to(g, self.inputs[i].shape)
            ret.append(gx if i == 0 else -gx)
        return tuple(ret)


def sub(self, rhs):  # lhs - rhs
    """Element-wise subtraction.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return AddConstant(-rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Sub().apply((self, rhs))[0]


class SubFromConstant(_ConstantOperand):

    _label_format = '%s - _'

    def forward(self, x):
        x = x[0]
        return utils.force_array(x.dtype.type(self.value) - x),

    def backward(self, indexes, gy):
        return -gy[0],


def rsub(self, rhs):  # rhs - lhs
    """Element-wise subtraction.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return SubFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Sub().apply((rhs, self))[0]


class Mul(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '_ * _'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_binary(in_types, True)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return utils.force_array(x[0] * x[1]),

    def backward(self, indexes, gy):
        xs = self.get_retained_inputs()
        return tuple([_sum_to(gy[0] * xs[1 - i], xs[i].shape)
                      for i in indexes])


class MulConstant(_ConstantOperand):

    _label_format = '_ * %s'

    def forward(self, x):
        x = x[0]
        value = self.value
        if _isscalar(value):
            value = x.dtype.type(value)
        return utils.force_array(value * x, x.dtype),

    def backward(self, indexes, gy):
        return self.value * gy[0],


def mul(self, rhs):  # lhs * rhs
    """Element-wise multiplication.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return MulConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Mul().apply((self, rhs))[0]


class Div(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '_ / _'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_binary(in_types, True)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return utils.force_array(x[0] / x[1]),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gx0 = grad_outputs[0] / x1
        ret = []
        for i in indexes:
            if i == 0:
                ret.append(_sum_to(gx0, x0.shape))
            else:
                ret.append(_sum_to(-gx0 * x0 / x1, x1.shape))
        return tuple(ret)


def div(self, rhs):  # lhs / rhs
    """Element-wise division.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return MulConstant(1. / rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Div().apply((self, rhs))[0]


class DivFromConstant(_ConstantOperand):

    _label_format = '%s / _'
    _float_only = True

    def forward(self, x):
        self.retain_inputs((0,))
        x = x[0]
        value = _preprocess_const(x, self.value)
        return utils.force_array(value / x),

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0]
        # d(c / x) = -c / x^2
        return MulConstant(-self.value).apply(
            (grad_outputs[0] / (x * x),))


def rdiv(self, rhs):  # rhs / lhs
    """Element-wise division.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return DivFromConstant(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return Div().apply((rhs, self))[0]


def _floor(x):
    from chainer_lite.functions.math import _elementwise
    return _elementwise.without_grad(x, 'floor')


def floordiv(self, rhs):  # lhs // rhs
    """Element-wise floor division (not differentiable).

    Returns:
        ~chainer.Variable: Output variable.
    """
    return _floor(div(self, rhs))


def rfloordiv(self, rhs):  # rhs // lhs
    """Element-wise floor division (not differentiable).

    Returns:
        ~chainer.Variable: Output variable.
    """
    return _floor(rdiv(self, rhs))


def _log(x):
    from chainer_lite.functions.math import exponential
    return exponential.log(x)


class PowVarVar(function_node.FunctionNode):

    is_elementwise = True

    @property
    def label(self):
        return '_ ** _'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_binary(in_types, True)

    def forward(self, x):
        self.retain_inputs((0, 1))
        self.retain_outputs((0,))
        return utils.force_array(x[0] ** x[1]),

    def backward(self, indexes, gy):
        x0, x1 = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        g = gy[0]
        ret = []
        for i in indexes:
            if i == 0:
                gx = x1 * x0 ** (x1 - 1) * g
                ret.append(_sum_to(gx, x0.shape))
            else:
                gx = _log(x0) * y * g
                ret.append(_sum_to(gx, x1.shape))
        return tuple(ret)


class PowVarConst(_ConstantOperand):

    _label_format = '_ ** %s'
    _float_only = True

    def forward(self, x):
        self.retain_inputs((0,))
        x = x[0]
        value = self.value
        if _isscalar(value):
            value = x.dtype.type(value)
        return utils.force_array(x ** value, x.dtype),

    def backward(self, indexes, gy):
        x, = self.get_retained_inputs()
        value = self.value
        if _isscalar(value) and value == 2:
            gx = MulConstant(2).apply((x,))[0]
        else:
            gx = MulConstant(value).apply(
                PowVarConst(value - 1).apply((x,)))[0]
        return gx * gy[0],


class PowConstVar(_ConstantOperand):

    _label_format = '%s ** _'
    _float_only = True

    def forward(self, x):
        self.retain_outputs((0,))
        x = x[0]
        value = self.value
        if _isscalar(value):
            value = x.dtype.type(value)
        return utils.force_array(value ** x, x.dtype),

    def backward(self, indexes, gy):
        y, = self.get_retained_outputs()
        xp = backend.get_array_module(y.array)
        log_value = xp.log(xp.asarray(self.value, dtype=y.dtype))
        return MulConstant(log_value).apply((y * gy[0],))


def pow(self, rhs):  # lhs ** rhs
    """Element-wise power function.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return PowVarConst(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return PowVarVar().apply((self, rhs))[0]


def rpow(self, rhs):  # rhs ** lhs
    """Element-wise power function.

    Returns:
        ~chainer.Variable: Output variable.
    """
    if _isscalar(rhs):
        return PowConstVar(rhs).apply((self,))[0]
    rhs = _preprocess_rhs(self, rhs)
    return PowVarVar().apply((rhs, self))[0]


def matmul(self, rhs):  # lhs @ rhs
    """Matrix multiplication (see :func:`chainer.functions.matmul`).

    Returns:
        ~chainer.Variable: Output variable.
    """
    from chainer_lite.functions.math import matmul as matmul_mod
    rhs = _preprocess_rhs(self, rhs)
    return matmul_mod.matmul(self, rhs)


def rmatmul(self, rhs):  # rhs @ lhs
    """Matrix multiplication (see :func:`chainer.functions.matmul`).

    Returns:
        ~chainer.Variable: Output variable.
    """
    from chainer_lite.functions.math import matmul as matmul_mod
    rhs = _preprocess_rhs(self, rhs)
    return matmul_mod.matmul(rhs, self)


def install_variable_arithmetics():
    """Installs the arithmetic operators on :class:`~chainer.Variable`."""
    V = variable.Variable
    V.__neg__ = neg
    V.__abs__ = absolute
    V.__add__ = add
    V.__radd__ = add
    V.__sub__ = sub
    V.__rsub__ = rsub
    V.__mul__ = mul
    V.__rmul__ = mul
    V.__div__ = div
    V.__truediv__ = div
    V.__rdiv__ = rdiv
    V.__rtruediv__ = rdiv
    V.__floordiv__ = floordiv
    V.__rfloordiv__ = rfloordiv
    V.__pow__ = pow
    V.__rpow__ = rpow
    V.__matmul__ = matmul
    V.__rmatmul__ = rmatmul
