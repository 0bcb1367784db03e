"""Type checking of function inputs: a small expression language whose failed
comparisons explain themselves (``Expect: x.ndim == 2`` / ``Actual: 3 != 2``).

Checks run twice at most.  First in *light mode*, where the "types" are the
raw arrays and every expression is an ordinary Python value, so the common
(passing) case costs no more than the comparisons themselves.  Only when that
fails are the checks re-run on :class:`Expr` trees to build the message.
"""
import contextlib
import operator
import sys
import threading

import numpy


class _ThreadLocal(threading.local):
    # Class-level defaults make the per-thread reads plain attribute reads.
    light_mode = False
    current_function = None


_thread_local = _ThreadLocal()


@contextlib.contextmanager
def get_function_check_context(f):
    """Makes :class:`InvalidType` messages name the function being checked.

    Inside the ``with`` block, an :class:`InvalidType` built without an
    explicit message is prefixed with
    ``Invalid operation is performed in: <f.label> (Forward)``.

    Args:
        f: The function node (anything with a ``label`` attribute).
    """
    previous = _thread_local.current_function
    _thread_local.current_function = f
    try:
        yield
    finally:
        _thread_local.current_function = previous


class TypeInfo(object):

    """Shape and dtype of one array, independent of the array's device.

    Args:
        shape (tuple of int): Shape of the array.
        dtype (numpy.dtype): Data type of the array.
    """

    def __init__(self, shape, dtype):
        self.shape = shape
        self.dtype = dtype
        self.ndim = len(shape)

    @property
    def size(self):
        """Number of elements."""
        size = 1
        for dim in self.shape:
            size *= dim
        return size


class TypeInfoTuple(tuple):

    """Tuple of :class:`Variable` expressions wrapping :class:`TypeInfo`.

    This is what ``check_type_forward`` receives when a check is evaluated
    symbolically; ``name`` (e.g. ``'in_types'``) is used in messages.
    """

    def size(self):
        """Returns an expression for the number of entries.

        Returns:
            Expr: A :class:`Variable` named ``<name>.size``.
        """
        return Variable(len(self), self.name + '.size')


class LightTypeInfoTuple(tuple):

    """Tuple of arrays (or :class:`TypeInfo`) used by the light-mode check."""

    def size(self):
        """Returns the number of entries as an ``int``."""
        return len(self)


_MAX_CACHED_SIGNATURES = 256


def _inputs_only(check):
    """Marks a ``check_type_forward`` that depends on nothing but its inputs.

    Such a check reads only the shapes and dtypes of ``in_types``: not
    ``self``, nor any other state. Its outcome is then a function of the
    inputs' signature, so :meth:`FunctionNode.apply` remembers the signatures
    that passed and skips re-running the check for them. Failures are never
    remembered: a bad input always gets the full message.

    ``tests/test_type_check_cache.py`` verifies that no marked check reads
    ``self``.

    Args:
        check: The ``check_type_forward`` function of a FunctionNode class.

    Returns:
        The same function, carrying an empty ``_passed_signatures`` set.
    """
    check._passed_signatures = set()
    return check


def _remember_pass(passed, key):
    if len(passed) >= _MAX_CACHED_SIGNATURES:
        passed.clear()
    passed.add(key)


def get_types(data, name, accept_none, *, shapes=None):
    """Wraps arrays into a :class:`TypeInfoTuple` of named expressions.

    Args:
        data (tuple): Arrays to describe.
        name (str): Name of the tuple; entry ``i`` is named ``name[i]``.
        accept_none (bool): Whether ``None`` entries (missing gradients) are
            allowed; they get an empty shape and ``None`` dtype.
        shapes (tuple of tuples): Shapes to report instead of the arrays' own
            (used for non-default memory layouts).

    Returns:
        TypeInfoTuple: One :class:`Variable` per array.
    """
    assert isinstance(data, tuple)
    if shapes is None:
        shapes = tuple([None if x is None else x.shape for x in data])
    info = TypeInfoTuple(
        _get_type(name, i, x, accept_none, shape)
        for i, (x, shape) in enumerate(zip(data, shapes)))
    info.name = name
    return info


def get_light_types(data, *, shapes=None):
    """Wraps arrays for the light-mode check.

    Arrays already have ``shape``, ``dtype``, ``ndim`` and ``size``, so they
    are used as they are; only explicit ``shapes`` need :class:`TypeInfo`.

    Args:
        data (tuple): Arrays to describe.
        shapes (tuple of tuples): Shapes to report instead of the arrays' own.

    Returns:
        LightTypeInfoTuple: The arrays (or their :class:`TypeInfo`).
    """
    assert isinstance(data, tuple)
    if shapes is not None:
        data = tuple([TypeInfo(shape, x.dtype)
                      for x, shape in zip(data, shapes)])
    return LightTypeInfoTuple(data)


def _get_type(name, index, array, accept_none, shape):
    label = '{0}[{1}]'.format(name, index)
    if accept_none and array is None:
        return Variable(TypeInfo((), None), label)
    import chainer_lite
    assert isinstance(array, chainer_lite.get_array_types())
    return Variable(TypeInfo(shape, array.dtype), label)


def _unary(symbol, priority, func):
    def build(term):
        return UnaryOperator(priority, term, symbol, func)
    return build


def _binary(symbol, priority, func, right_associative=False):
    def build(lhs, rhs):
        return BinaryOperator(priority, lhs, rhs, symbol, func,
                              right_associative)
    return build


def _reflected(symbol, priority, func):
    def build(rhs, lhs):
        return BinaryOperator(priority, lhs, rhs, symbol, func)
    return build


def _comparison(symbol, inverse, func):
    def build(lhs, rhs):
        return BoolBinaryOperator(lhs, rhs, symbol, inverse, func)
    return build


class Expr(object):

    """Node of an expression tree describing a value to be checked.

    Attribute access, indexing, calls and Python operators on an ``Expr``
    build larger trees instead of computing anything. :meth:`eval` computes
    the value and ``str()`` gives the source-like text used in messages.
    Comparisons build :class:`BoolBinaryOperator` nodes for :func:`expect`.

    ``Expr`` objects refuse to be converted to ``bool``: ``a == b and c == d``
    would silently check only ``c == d``.

    Example:

        >>> from chainer.utils import type_check
        >>> x = type_check.Variable(3, 'x')
        >>> cond = x * 2 == 6
        >>> str(cond), cond.eval()
        ('x * 2 == 6', True)

    Args:
        priority (int): Binding strength of the node's outermost operator,
            following Python's precedence; decides where ``str()`` puts
            parentheses.
    """

    def __init__(self, priority):
        self.priority = priority

    def eval(self):
        """Computes the value the tree stands for."""
        raise NotImplementedError()

    def __getattr__(self, name):
        return GetAttr(self, name)

    def __getitem__(self, key):
        return GetItem(self, key)

    def __call__(self, *args):
        return Call(self, args)

    def __bool__(self):
        raise RuntimeError(
            'An Expr instance cannot be evaluated as bool. Please use '
            'chainer.utils.type_check.eval() to evaluate an expression.')

    # Priorities follow Python's operator precedence (higher binds tighter).
    __eq__ = _comparison('==', '!=', operator.eq)
    __ne__ = _comparison('!=', '==', operator.ne)
    __lt__ = _comparison('<', '>=', operator.lt)
    __le__ = _comparison('<=', '>', operator.le)
    __gt__ = _comparison('>', '<=', operator.gt)
    __ge__ = _comparison('>=', '<', operator.ge)

    __add__ = _binary('+', 4, operator.add)
    __radd__ = _reflected('+', 4, operator.add)
    __sub__ = _binary('-', 4, operator.sub)
    __rsub__ = _reflected('-', 4, operator.sub)
    __mul__ = _binary('*', 5, operator.mul)
    __rmul__ = _reflected('*', 5, operator.mul)
    __truediv__ = _binary('/', 5, operator.truediv)
    __rtruediv__ = _reflected('/', 5, operator.truediv)
    __floordiv__ = _binary('//', 5, operator.floordiv)
    __rfloordiv__ = _reflected('//', 5, operator.floordiv)
    __mod__ = _binary('%', 5, operator.mod)
    __rmod__ = _reflected('%', 5, operator.mod)
    # '**' is the only right-associative operator: x ** y ** z is
    # x ** (y ** z), and it binds tighter than unary minus.
    __pow__ = _binary('**', 7, operator.pow, right_associative=True)

    __lshift__ = _binary('<<', 3, operator.lshift)
    __rlshift__ = _reflected('<<', 3, operator.lshift)
    __rshift__ = _binary('>>', 3, operator.rshift)
    __rrshift__ = _reflected('>>', 3, operator.rshift)
    __and__ = _binary('&', 2, operator.and_)
    __rand__ = _reflected('&', 2, operator.and_)
    __xor__ = _binary('^', 1, operator.xor)
    __rxor__ = _reflected('^', 1, operator.xor)
    __or__ = _binary('|', 0, operator.or_)
    __ror__ = _reflected('|', 0, operator.or_)

    __neg__ = _unary('-', 6, operator.neg)
    __pos__ = _unary('+', 6, operator.pos)
    __invert__ = _unary('~', 6, operator.invert)


def _eval_expr(value):
    # Lists and tuples may hold expressions, e.g. ``x.shape == (n, 3)``.
    if isinstance(value, Expr):
        return value.eval()
    if isinstance(value, list):
        return [_eval_expr(v) for v in value]
    if isinstance(value, tuple):
        return tuple([_eval_expr(v) for v in value])
    return value


def _repr(value):
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, list):
        return '[{0}]'.format(', '.join([_repr(v) for v in value]))
    if isinstance(value, tuple):
        if len(value) == 1:
            return '({0},)'.format(_repr(value[0]))
        return '({0})'.format(', '.join([_repr(v) for v in value]))
    return repr(value)


class Atom(Expr):

    """An expression that never needs parentheses (highest priority)."""

    def __init__(self):
        super(Atom, self).__init__(8)


class Constant(Atom):

    """A literal value, shown by its ``repr``.

    Args:
        value: The value.
    """

    def __init__(self, value):
        super(Constant, self).__init__()
        self.value = value

    def __str__(self):
        return _repr(self.value)

    def eval(self):
        return self.value


class Variable(Atom):

    """A named value, shown by its name.

    Args:
        value: The value.
        name (str): The name used in messages.
    """

    def __init__(self, value, name):
        super(Variable, self).__init__()
        self.value = value
        self.name = name

    def __str__(self):
        return self.name

    def eval(self):
        return self.value


class GetAttr(Atom):

    """Attribute access ``obj.name``.

    Args:
        obj: The expression (or value) whose attribute is read.
        name: The attribute name, a ``str`` or an expression giving one.
    """

    def __init__(self, obj, name):
        super(GetAttr, self).__init__()
        self.obj = obj
        self.name = name

    def __str__(self):
        name = self.name
        if isinstance(name, Constant) and isinstance(name.value, str):
            name = name.value
        if isinstance(name, str):
            return '{0}.{1}'.format(_repr(self.obj), name)
        return 'getattr({0}, {1})'.format(_repr(self.obj), _repr(name))

    def eval(self):
        target = _eval_expr(self.obj)
        return getattr(target, _eval_expr(self.name))


def _str_subscript(key):
    if key is Ellipsis:
        return '...'
    if isinstance(key, slice):
        parts = [key.start, key.stop]
        if key.step is not None:
            parts.append(key.step)
        return ':'.join(['' if p is None else _repr(p) for p in parts])
    if isinstance(key, tuple):
        return ', '.join([_str_subscript(k) for k in key])
    return _repr(key)


class GetItem(Atom):

    """Indexing ``obj[key]``.

    Args:
        obj: The expression (or value) being indexed.
        key: The index: a value, an expression, a slice, ``...`` or a tuple.
    """

    def __init__(self, obj, key):
        super(GetItem, self).__init__()
        self.obj = obj
        self.key = key

    def __str__(self):
        return '{0}[{1}]'.format(_repr(self.obj), _str_subscript(self.key))

    def eval(self):
        return _eval_expr(self.obj)[_eval_expr(self.key)]


class Call(Atom):

    """A call ``obj(*args)``.

    Args:
        obj: The expression (or value) giving the callable.
        args (tuple): Positional arguments (values or expressions).
    """

    def __init__(self, obj, args):
        assert isinstance(args, tuple)
        super(Call, self).__init__()
        self.obj = obj
        self.args = args

    def __str__(self):
        return '{0}({1})'.format(
            _repr(self.obj), ', '.join([_repr(a) for a in self.args]))

    def eval(self):
        func = _eval_expr(self.obj)
        return func(*[_eval_expr(a) for a in self.args])


class UnaryOperator(Expr):

    """A prefix operator such as ``-x``.

    Args:
        priority (int): Binding strength of the operator.
        term: The operand.
        exp (str): The operator's symbol.
        func (callable): Computes the result from the operand's value.
    """

    def __init__(self, priority, term, exp, func):
        super(UnaryOperator, self).__init__(priority)
        self.term = term
        self.exp = exp
        self.func = func

    def eval(self):
        return self.func(_eval_expr(self.term))

    def __str__(self):
        text = _repr(self.term)
        # A lower-priority operand needs parentheses.
        term = self.term
        if isinstance(term, Expr) and term.priority < self.priority:
            text = '(' + text + ')'
        return self.exp + text


class BinaryOperator(Expr):

    """An infix operator such as ``x + y``.

    Args:
        priority (int): Binding strength of the operator.
        lhs: Left operand.
        rhs: Right operand.
        exp (str): The operator's symbol.
        func (callable): Computes the result from the operands' values.
        right_associative (bool): Whether ``a op b op c`` means
            ``a op (b op c)``; decides which side of an equal-priority
            operand gets parentheses.
    """

    def __init__(self, priority, lhs, rhs, exp, func,
                 right_associative=False):
        super(BinaryOperator, self).__init__(priority)
        self.lhs = lhs
        self.rhs = rhs
        self.exp = exp
        self.func = func
        self.right_associative = right_associative

    def eval(self):
        return self.func(self._eval_left(), self._eval_right())

    def _eval_left(self):
        return _eval_expr(self.lhs)

    def _eval_right(self):
        return _eval_expr(self.rhs)

    def __str__(self):
        left = _repr(self.lhs)
        if isinstance(self.lhs, Expr) and (
                self.lhs.priority < self.priority or
                (self.right_associative and
                 self.lhs.priority == self.priority)):
            left = '(' + left + ')'
        right = _repr(self.rhs)
        if isinstance(self.rhs, Expr) and (
                self.rhs.priority < self.priority or
                (not self.right_associative and
                 self.rhs.priority == self.priority)):
            right = '(' + right + ')'
        return '{0} {1} {2}'.format(left, self.exp, right)


class Testable(object):

    """Interface of conditions that :func:`expect` can test."""

    def expect(self):
        """Raises :class:`InvalidType` unless the condition holds."""
        raise NotImplementedError()


class BoolBinaryOperator(BinaryOperator, Testable):

    """A comparison such as ``x.ndim == 2``.

    Args:
        lhs: Left operand.
        rhs: Right operand.
        exp (str): The comparison's symbol.
        inv (str): Symbol of the opposite comparison, used to describe the
            actual values when the check fails (``3 != 2``).
        func (callable): Computes the comparison from the operands' values.
    """

    def __init__(self, lhs, rhs, exp, inv, func):
        super().__init__(-1, lhs, rhs, exp, func)
        self.inv = inv

    def expect(self):
        left = self._eval_left()
        right = self._eval_right()
        if not self.func(left, right):
            raise InvalidType(
                '{0} {1} {2}'.format(self.lhs, self.exp, self.rhs),
                '{0} {1} {2}'.format(left, self.inv, right))


class InvalidType(Exception):

    """Raised when the inputs of a function have invalid types or shapes.

    Args:
        expect (str): The condition that should have held.
        actual (str): The values actually seen.
        msg (str): The whole message; by default it is built from ``expect``
            and ``actual`` and, inside :func:`get_function_check_context`,
            names the function being checked.

    Attributes:
        expect (str): The ``expect`` argument.
        actual (str): The ``actual`` argument.
    """

    def __init__(self, expect, actual, msg=None):
        if msg is None:
            msg = 'Expect: {0}\nActual: {1}'.format(expect, actual)
            func = getattr(_thread_local, 'current_function', None)
            if func is not None:
                msg = ('\nInvalid operation is performed in: {0} (Forward)'
                       '\n\n{1}'.format(func.label, msg))
        super(InvalidType, self).__init__(msg)
        self.expect = expect
        self.actual = actual

    def __reduce__(self):
        return (InvalidType, (self.expect, self.actual, self.args[0]))


def _argname(in_types, names):
    """Names the entries of ``in_types`` for the messages of later checks.

    Args:
        in_types (TypeInfoTuple or LightTypeInfoTuple): Input types.
        names (tuple of str): One readable name per input, e.g. ``('x', 'W')``.

    Raises:
        InvalidType: If the numbers of types and names differ (message
            ``Invalid number of arguments``).
    """
    if len(in_types) != len(names):
        raise InvalidType(
            '{} argument(s)'.format(len(names)),
            '{} argument(s)'.format(len(in_types)),
            'Invalid number of arguments')
    if _thread_local.light_mode:
        return  # nothing to name
    for in_type, name in zip(in_types, names):
        if isinstance(in_type, Variable):
            in_type.name = name


argname = _argname


def expect(*bool_exprs):
    """Tests the given conditions in order.

    In light mode the conditions are plain booleans; otherwise each must be
    a :class:`Testable` expression such as ``x_type.ndim == 2``.

    Args:
        bool_exprs: The conditions.

    Raises:
        InvalidType: At the first condition that does not hold (in light
            mode, with empty ``expect``/``actual``).

    Example:

        >>> import numpy as np
        >>> from chainer.utils import type_check
        >>> x_type, = type_check.get_types((np.zeros((2, 3)),), 'in', False)
        >>> try:
        ...     type_check.expect(x_type.ndim == 2, x_type.shape[1] == 4)
        ... except type_check.InvalidType as e:
        ...     print(e)
        Expect: in[0].shape[1] == 4
        Actual: 3 != 4
    """
    if _thread_local.light_mode:
        if not all(bool_exprs):
            raise InvalidType('', '')
    else:
        for expr in bool_exprs:
            assert isinstance(expr, Testable)
            expr.expect()


def same_types(*arrays):
    """Tells whether the arrays are all NumPy arrays or all CuPy arrays."""
    if all([isinstance(x, numpy.ndarray) for x in arrays]):
        return True
    # No CuPy array can exist before cupy has been imported.
    cupy = sys.modules.get('cupy')
    return cupy is not None and all(
        [isinstance(x, cupy.ndarray) for x in arrays])


def eval(exp):
    """Returns the value of ``exp`` (which is already a value in light mode).

    Args:
        exp: An :class:`Expr`, or a plain value in light mode.
    """
    if _thread_local.light_mode:
        return exp
    return exp.eval()


def make_variable(value, name):
    """Wraps ``value`` as a named :class:`Variable` (unless in light mode).

    Args:
        value: The value.
        name (str): The name used in messages.
    """
    if _thread_local.light_mode:
        return value
    return Variable(value, name)


def _make_variable_from_array(array, name):
    import chainer_lite
    if not isinstance(array, chainer_lite.get_array_types()):
        raise InvalidType(
            'isinstance({}, ndarray)'.format(name),
            'type({}) == {}'.format(name, type(array)))
    if _thread_local.light_mode:
        return array
    info = TypeInfo(array.shape, array.dtype)
    return Variable(info, name)


class LightMode(object):

    """Context manager that switches the current thread to light mode.

    Use the shared instance :data:`light_mode`:
    ``with type_check.light_mode: ...``.
    """

    def __enter__(self):
        _thread_local.light_mode = True

    def __exit__(self, exc_type, exc_value, traceback):
        _thread_local.light_mode = False


light_mode = LightMode()


def in_light_mode():
    """Tells whether the current thread is in light mode."""
    return _thread_local.light_mode


def _prod_impl(xs):
    result = 1
    for x in xs:
        result *= x
    return result


_prod = Variable(_prod_impl, 'prod')


def prod(xs):
    """Product of the entries of ``xs`` (an expression unless in light mode).

    Args:
        xs: A sequence of numbers or expressions, typically a shape.

    Example:

        >>> from chainer.utils import type_check
        >>> str(type_check.prod((2, 3))), type_check.prod((2, 3)).eval()
        ('prod((2, 3))', 6)
    """
    if _thread_local.light_mode:
        return _prod_impl(xs)
    return _prod(xs)


def expect_broadcast_shapes(*shape_types):
    """Tests that shapes can be broadcast together.

    Args:
        shape_types: Shapes, as expressions (e.g. ``x_type.shape``) or, in
            light mode, tuples.

    Raises:
        InvalidType: If they cannot be broadcast; the message lists each
            shape as ``<expression> = <value>``.
    """
    shapes = [eval(s) for s in shape_types]
    try:
        numpy.broadcast_shapes(*shapes)
    except ValueError:
        lines = ['cannot broadcast inputs of the following shapes:']
        for shape_type, shape in zip(shape_types, shapes):
            lines.append('{} = {}'.format(shape_type, shape))
        raise InvalidType('', '', msg='\n'.join(lines)) from None
