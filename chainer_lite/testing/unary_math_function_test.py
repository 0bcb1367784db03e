"""A class decorator writing the standard tests of a unary math function."""
import unittest
import warnings

import numpy

from chainer_lite import function
from chainer_lite.backends import cuda
from chainer_lite.testing import attr


def is_available():
    """Returns ``True`` when the decorator can be used (pytest importable)."""
    return attr.is_available()


def check_available():
    """Raises :class:`RuntimeError` when pytest cannot be imported."""
    attr.check_available()


def _func_name(func):
    if isinstance(func, function.Function):
        return type(func).__name__.lower()
    return func.__name__


def _func_class(func):
    # The FunctionNode (or old-style Function) class implementing `func`,
    # e.g. chainer.functions.Sin for F.sin; None when there is none.
    if isinstance(func, function.Function):
        return type(func)
    from chainer_lite import functions
    return getattr(functions, func.__name__.capitalize(), None)


def _uniform_data(shape, dtype):
    # (x, gy, ggx), uniform in [-1, 1).
    return tuple(
        numpy.random.uniform(-1, 1, shape).astype(dtype, copy=False)
        for _ in range(3))


# Names of the test data attributes, in the order of the check arguments.
_DATA_NAMES = ('x', 'gy', 'ggx')


def _test_data(case, count, gpu):
    data = [getattr(case, name) for name in _DATA_NAMES[:count]]
    if gpu:
        data = [cuda.to_gpu(a) for a in data]
    return data


def _squared(func):
    # A non-linear wrapper, so that double backward of a linear function
    # has something to check.
    def squared(x):
        y = func(x)
        return y * y
    return squared


def _default_options(dtype):
    if dtype == numpy.float16:
        eps = float(numpy.finfo(numpy.float16).eps)
        forward = {'atol': eps, 'rtol': eps}
        backward = {'eps': 2 ** -4, 'atol': 2 ** -4, 'rtol': 2 ** -4,
                    'dtype': numpy.float64}
    else:
        forward = {'atol': 1e-4, 'rtol': 1e-4}
        backward = {'dtype': numpy.float64, 'atol': 1e-4, 'rtol': 1e-4}
    return forward, backward, dict(backward)


def unary_math_function_unittest(func, func_expected=None, label_expected=None,
                                 make_data=None, is_linear=None,
                                 forward_options=None,
                                 backward_options=None,
                                 double_backward_options=None):
    """Class decorator adding the tests of an elementwise unary function.

    The decorated ``unittest.TestCase`` is parameterized over the shapes
    ``(3, 2)`` and ``()`` and the dtypes float16, float32 and float64, and
    gets ``test_forward_cpu/gpu`` (against ``func_expected``),
    ``test_backward_cpu/gpu``, ``test_double_backward_cpu/gpu`` (only for
    new-style functions) and ``test_label`` (when the function class can be
    found by name). GPU tests carry the ``gpu`` mark.

    Args:
        func: The function (or an old-style :class:`~chainer.Function`
            instance) under test. It must take one array and return one of
            the same dtype, elementwise.
        func_expected: The reference, called as ``func_expected(x,
            dtype=x.dtype)``; defaults to the NumPy function of the same name.
        label_expected (str): Expected ``label`` of the function class;
            defaults to the function's name.
        make_data: ``make_data(shape, dtype)`` returning ``(x, gy, ggx)``
            (``(x, gy)`` for an old-style function); defaults to uniform
            values in ``[-1, 1]``.
        is_linear: Deprecated; if true, double backward is checked on
            ``func(x) ** 2``.
        forward_options (dict): Overrides of the ``assert_allclose``
            tolerances.
        backward_options (dict): Overrides of the ``check_backward``
            options.
        double_backward_options (dict): Overrides of the
            ``check_double_backward`` options.

    Returns:
        callable: The class decorator.

    Example:

        >>> import unittest
        >>> from chainer_lite import testing
        >>> import chainer_lite.functions as F
        >>> @testing.unary_math_function_unittest(F.exp)
        ... class TestExp(unittest.TestCase):
        ...     pass
    """
    check_available()
    from chainer_lite import gradient_check
    from chainer_lite import testing
    from chainer_lite import variable

    new_style = not isinstance(func, function.Function)
    func_name = _func_name(func)
    func_class = _func_class(func)

    if func_expected is None:
        try:
            func_expected = getattr(numpy, func_name)
        except AttributeError:
            raise ValueError('NumPy has no functions corresponding '
                             'to Chainer function \'{}\'.'.format(func_name))
    if label_expected is None:
        label_expected = func_name
    elif func_class is None:
        raise ValueError('Expected label is given even though Chainer '
                         'function does not have its label.')
    # Old-style functions have no double backward, hence no ggx.
    n_data = 3 if new_style else 2
    if make_data is None:
        def make_data(shape, dtype):
            return _uniform_data(shape, dtype)[:n_data]
    if is_linear is not None:
        warnings.warn(
            'is_linear option is deprecated', DeprecationWarning)

    def decorator(klass):
        assert issubclass(klass, unittest.TestCase)

        def setUp(self):
            data = tuple(make_data(self.shape, self.dtype))
            if len(data) != n_data:
                raise ValueError(
                    'make_data must return {} arrays'.format(n_data))
            for name, array in zip(_DATA_NAMES, data):
                setattr(self, name, array)
            (self.forward_options, self.backward_options,
             self.double_backward_options) = _default_options(self.dtype)
            self.forward_options.update(forward_options or {})
            self.backward_options.update(backward_options or {})
            self.double_backward_options.update(double_backward_options or {})

        def check_forward(self, x_data):
            y = func(variable.Variable(x_data))
            self.assertEqual(y.array.dtype, x_data.dtype)
            expected = func_expected(cuda.to_cpu(x_data), dtype=x_data.dtype)
            testing.assert_allclose(expected, y.array, **self.forward_options)

        def test_forward_cpu(self):
            self.check_forward(self.x)

        @attr.gpu
        def test_forward_gpu(self):
            self.check_forward(cuda.to_gpu(self.x))

        def check_backward(self, x_data, y_grad):
            gradient_check.check_backward(
                func, x_data, y_grad, **self.backward_options)

        def test_backward_cpu(self):
            self.check_backward(*_test_data(self, 2, gpu=False))

        @attr.gpu
        def test_backward_gpu(self):
            self.check_backward(*_test_data(self, 2, gpu=True))

        members = [setUp, check_forward, test_forward_cpu, test_forward_gpu,
                   check_backward, test_backward_cpu, test_backward_gpu]

        if new_style:
            def check_double_backward(self, x_data, y_grad, x_grad_grad):
                target = _squared(func) if is_linear else func
                gradient_check.check_double_backward(
                    target, x_data, y_grad, x_grad_grad,
                    **self.double_backward_options)

            def test_double_backward_cpu(self):
                self.check_double_backward(*_test_data(self, 3, gpu=False))

            @attr.gpu
            def test_double_backward_gpu(self):
                self.check_double_backward(*_test_data(self, 3, gpu=True))

            members += [check_double_backward, test_double_backward_cpu,
                        test_double_backward_gpu]

        if func_class is not None:
            def test_label(self):
                self.assertEqual(label_expected, func_class().label)
            members.append(test_label)

        for member in members:
            setattr(klass, member.__name__, member)

        return testing.parameterize(*testing.product({
            'shape': [(3, 2), ()],
            'dtype': [numpy.float16, numpy.float32, numpy.float64],
        }))(klass)

    return decorator
