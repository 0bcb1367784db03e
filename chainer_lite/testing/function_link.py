"""Base classes of function and link tests (forward, backward, initializers).
"""
import contextlib
import io
import unittest

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import utils
from chainer_lite.testing import array as array_module


class _TestError(AssertionError):
    """Base class of the errors raised when the tested code is wrong."""

    @classmethod
    def check(cls, expr, message):
        if not expr:
            raise cls(message)

    @classmethod
    def fail(cls, message, exc=None):
        if exc is not None:
            utils._raise_from(cls, message, exc)
        raise cls(message)

    @classmethod
    @contextlib.contextmanager
    def raise_if_fail(cls, message, error_types=AssertionError):
        try:
            yield
        except error_types as e:
            cls.fail(message, e)


class FunctionTestError(_TestError):
    """Raised when the target function is implemented incorrectly."""


class LinkTestError(_TestError):
    """Raised when the target link is implemented incorrectly."""


class InitializerArgument(object):
    """A link constructor argument paired with the initializer it stands for.

    Used in :meth:`LinkInitializersTestCase.get_initializers` when the value
    passed to the link (e.g. ``None``) differs from the initializer the link
    actually uses (e.g. ``initializers.Constant(0)``).

    Args:
        argument_value: The value passed to the link constructor.
        expected_initializer: The initializer-like the link should use.
    """

    def __init__(self, argument_value, expected_initializer):
        if expected_initializer is None:
            raise ValueError('Expected initialized cannot be None.')
        from chainer_lite import initializers
        self.argument_value = argument_value
        self.expected_initializer = expected_initializer
        initializers._check_is_initializer_like(self.expected_initializer)


def _check_array_types(arrays, device, func_name):
    if not isinstance(arrays, tuple):
        raise TypeError('`{}()` must return a tuple, not {}.'.format(
            func_name, type(arrays)))
    accepted = device.supported_array_types
    if any(arr is not None and not isinstance(arr, accepted)
           for arr in arrays):
        raise TypeError(
            '{}() must return a tuple of arrays supported by device {} or'
            ' None.\nActual: {}'.format(
                func_name, device, tuple(type(arr) for arr in arrays)))


def _check_variable_types(outputs, device, func_name, test_error_cls):
    if not isinstance(outputs, tuple):
        test_error_cls.fail('`{}()` must return a tuple, not {}.'.format(
            func_name, type(outputs)))

    def type_names(objs):
        return ', '.join(str(type(obj)) for obj in objs)

    if any(not isinstance(out, chainer_lite.Variable) for out in outputs):
        test_error_cls.fail(
            '{}() must return a tuple of Variables.\nActual: {}'.format(
                func_name, type_names(outputs)))
    data = [out.array for out in outputs]
    if any(not isinstance(arr, device.supported_array_types)
           for arr in data):
        test_error_cls.fail(
            '{}() must return a tuple of Variables of arrays supported by '
            'device {}.\nActual: {}'.format(
                func_name, device, type_names(data)))


def _call_generator(obj, name, *args):
    # Calls the user-supplied method `name` and checks that it produced a
    # tuple of CPU arrays (or None entries).
    arrays = getattr(obj, name)(*args)
    _check_array_types(arrays, backend.CpuDevice(), name)
    return arrays


def _run_forward(call, inputs, backend_config, test_error_cls):
    # Runs one user-defined forward under the backend configuration and
    # checks that it returned Variables living on the configured device.
    assert all(isinstance(v, chainer_lite.Variable) for v in inputs)
    device = backend_config.device
    with backend_config:
        outputs = call(inputs, device)
    _check_variable_types(outputs, device, 'forward', test_error_cls)
    return outputs


def _compare_arrays(actual_arrays, expected_arrays, test_error_cls, **opts):
    # Fails with test_error_cls when the counts, shapes, dtypes or values
    # differ; `opts` go to testing.assert_allclose.
    message = None
    details = None
    if len(actual_arrays) != len(expected_arrays):
        message = 'Number of outputs ({}, {}) does not match'.format(
            len(actual_arrays), len(expected_arrays))
    elif not all(a.shape == e.shape and a.dtype == e.dtype
                 for a, e in zip(actual_arrays, expected_arrays)):
        message = 'Shapes and/or dtypes do not match'
    else:
        errors = []
        for i, pair in enumerate(zip(actual_arrays, expected_arrays)):
            try:
                array_module.assert_allclose(*pair, **opts)
            except AssertionError as e:
                errors.append((i, e))
        if errors:
            message = ('Outputs do not match the expected values.\n'
                       'Indices of outputs that do not match: {}'.format(
                           ', '.join(str(i) for i, _ in errors)))
            details = ''.join(
                'Error details of output [{}]:\n{}\n'.format(i, e)
                for i, e in errors)
    if message is not None:
        msg = ('{}\n'
               'Expected shapes and dtypes: {}\n'
               'Actual shapes and dtypes:   {}\n'.format(
                   message,
                   utils._format_array_props(expected_arrays),
                   utils._format_array_props(actual_arrays)))
        if details is not None:
            msg += '\n\n' + details
        test_error_cls.fail(msg)


def _check_forward_output_types(outputs, expected_outputs):
    array_types = chainer_lite.get_array_types()
    assert isinstance(outputs, tuple)
    assert isinstance(expected_outputs, tuple)
    assert all(isinstance(a, array_types) for a in outputs)
    assert all(isinstance(a, array_types) for a in expected_outputs)


def _to_noncontiguous_as_needed(contiguous, arrays):
    # `contiguous` None asks for non-contiguous arrays, 'C' for C-contiguous.
    if contiguous is None:
        return array_module._as_noncontiguous_array(arrays)
    if contiguous == 'C':
        return arrays
    assert False, 'Invalid value of `contiguous`: {}'.format(contiguous)


def _random_like(templates):
    # Uniform values in [-1, 1) with the shapes and dtypes of `templates`.
    return tuple(
        numpy.random.uniform(-1, 1, tmpl.shape).astype(tmpl.dtype)
        for tmpl in templates)


def _assert_numpy_arrays(arrays):
    assert all(isinstance(arr, numpy.ndarray) for arr in arrays)


def _numerical_options(test):
    # Keywords every gradient check of `test` receives on top of the
    # user-given options (a clash is a TypeError, as it should be).
    return {'dtype': test.numerical_grad_dtype,
            'detect_nondifferentiable': test.dodge_nondifferentiable}


def _retry_while_nondifferentiable(enabled, check):
    # With `enabled`, a check that happened to sample inputs at a
    # non-differentiable point is repeated with new inputs.
    from chainer_lite import gradient_check
    while True:
        try:
            check()
        except gradient_check.NondifferentiableError:
            if enabled:
                continue
            raise
        return


class FunctionTestBase(object):
    """The test logic of :class:`FunctionTestCase` (without the test names).
    """

    backend_config = None
    check_forward_options = None
    check_backward_options = None
    check_double_backward_options = None
    skip_forward_test = False
    skip_backward_test = False
    skip_double_backward_test = False
    dodge_nondifferentiable = False
    numerical_grad_dtype = numpy.float64
    contiguous = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_forward_options = {}
        self.check_backward_options = {}
        self.check_double_backward_options = {}

    def before_test(self, test_name):
        pass

    def forward(self, inputs, device):
        raise NotImplementedError('forward() is not implemented.')

    def forward_expected(self, inputs):
        raise NotImplementedError('forward_expected() is not implemented.')

    def generate_inputs(self):
        raise NotImplementedError('generate_inputs() is not implemented.')

    def generate_grad_outputs(self, outputs_template):
        return _random_like(outputs_template)

    def generate_grad_grad_inputs(self, inputs_template):
        return _random_like(inputs_template)

    def check_forward_outputs(self, outputs, expected_outputs):
        _check_forward_output_types(outputs, expected_outputs)
        _compare_arrays(outputs, expected_outputs, FunctionTestError,
                        **self.check_forward_options)

    def _to_noncontiguous_as_needed(self, arrays):
        return _to_noncontiguous_as_needed(self.contiguous, arrays)

    def _generate_inputs(self):
        return _call_generator(self, 'generate_inputs')

    def _generate_grad_outputs(self, outputs_template):
        return _call_generator(
            self, 'generate_grad_outputs', outputs_template)

    def _generate_grad_grad_inputs(self, inputs_template):
        return _call_generator(
            self, 'generate_grad_grad_inputs', inputs_template)

    def _forward_expected(self, inputs):
        return _call_generator(self, 'forward_expected', inputs)

    def _forward(self, inputs, backend_config):
        return _run_forward(
            self.forward, inputs, backend_config, FunctionTestError)

    def _start(self, test_name, backend_config):
        self.backend_config = backend_config
        self.test_name = test_name
        self.before_test(test_name)

    def run_test_forward(self, backend_config):
        """Compares ``forward`` with ``forward_expected``."""
        if self.skip_forward_test:
            raise unittest.SkipTest('skip_forward_test is set')
        self._start('test_forward', backend_config)

        cpu_inputs = self._to_noncontiguous_as_needed(self._generate_inputs())
        inputs_before = [a.copy() for a in cpu_inputs]
        cpu_expected = self._forward_expected(cpu_inputs)

        inputs = self._to_noncontiguous_as_needed(
            backend_config.get_array(cpu_inputs))
        outputs = self._forward(
            tuple([chainer_lite.Variable(a, requires_grad=a.dtype.kind == 'f')
                   for a in inputs]),
            backend_config)

        modified = []
        for i, (before, after) in enumerate(zip(inputs_before, inputs)):
            try:
                array_module.assert_allclose(before, after, atol=0, rtol=0)
            except AssertionError:
                modified.append(i)
        if modified:
            f = io.StringIO()
            f.write('Input arrays have been modified during forward.\n'
                    'Indices of modified inputs: {}\n'
                    'Input array shapes and dtypes: {}\n'.format(
                        ', '.join(str(i) for i in modified),
                        utils._format_array_props(inputs)))
            for i in modified:
                f.write('\nInput[{}]:\nOriginal:\n{}\nAfter forward:\n{}\n'
                        .format(i, inputs_before[i], inputs[i]))
            FunctionTestError.fail(f.getvalue())

        self.check_forward_outputs(
            tuple([var.array for var in outputs]), cpu_expected)

    def run_test_backward(self, backend_config):
        """Checks ``backward`` against numerical gradients."""
        if self.skip_backward_test:
            raise unittest.SkipTest('skip_backward_test is set')
        from chainer_lite import gradient_check
        self._start('test_backward', backend_config)

        def f(*args):
            return self._forward(args, backend_config)

        def check():
            inputs = self._generate_inputs()
            grad_outputs = self._generate_grad_outputs(
                self._forward_expected(inputs))
            inputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(inputs))
            grad_outputs = self._to_noncontiguous_as_needed(
                backend_config.get_array(grad_outputs))
            with FunctionTestError.raise_if_fail(
                    'backward is not implemented correctly'):
                gradient_check.check_backward(
                    f, inputs, grad_outputs, **_numerical_options(self),
                    **self.check_backward_options)

        _retry_while_nondifferentiable(self.dodge_nondifferentiable, check)

    def run_test_double_backward(self, backend_config):
        """Checks the gradient of ``backward`` against numerical gradients."""
        if self.skip_double_backward_test:
            raise unittest.SkipTest('skip_double_backward_test is set')
        from chainer_lite import gradient_check
        self._start('test_double_backward', backend_config)

        def f(*args):
            return self._forward(args, backend_config)

        def check():
            inputs = self._generate_inputs()
            grad_outputs = self._generate_grad_outputs(
                self._forward_expected(inputs))
            # Non-float inputs have no gradient, hence no second-order input
            # gradient either; None entries (omitted gradients) stay.
            grad_grad_inputs = [
                ggx for ggx in self._generate_grad_grad_inputs(inputs)
                if ggx is None or ggx.dtype.kind == 'f']

            inputs, grad_outputs, grad_grad_inputs = [
                self._to_noncontiguous_as_needed(backend_config.get_array(a))
                for a in (inputs, grad_outputs, grad_grad_inputs)]
            with backend_config:
                with FunctionTestError.raise_if_fail(
                        'double backward is not implemented correctly'):
                    gradient_check.check_double_backward(
                        f, inputs, grad_outputs, grad_grad_inputs,
                        **_numerical_options(self),
                        **self.check_double_backward_options)

        _retry_while_nondifferentiable(self.dodge_nondifferentiable, check)


class FunctionTestCase(FunctionTestBase, unittest.TestCase):
    """Base class of function tests: forward, backward and double backward.

    A concrete class implements:

    - ``generate_inputs(self)``: a tuple of NumPy input arrays;
    - ``forward(self, inputs, device)``: the outputs (a tuple of Variables) of
      the tested function for a tuple of input Variables on ``device``;
    - ``forward_expected(self, inputs)``: the expected outputs (a tuple of
      NumPy arrays) for the NumPy inputs.

    It may override ``before_test(self, test_name)`` (raise
    ``unittest.SkipTest`` to skip), ``generate_grad_outputs(self,
    outputs_template)`` and ``generate_grad_grad_inputs(self,
    inputs_template)`` (``None`` entries omit a gradient), and
    ``check_forward_outputs(self, outputs, expected_outputs)``.

    Attributes controlling the tests: ``skip_forward_test``,
    ``skip_backward_test``, ``skip_double_backward_test`` (all ``False``),
    ``dodge_nondifferentiable`` (``False``; if ``True``, inputs that hit a
    non-differentiable point are drawn again), ``numerical_grad_dtype``
    (``float64``), ``contiguous`` (``None``: non-contiguous inputs; ``'C'``:
    C-contiguous), and the dicts ``check_forward_options``,
    ``check_backward_options`` and ``check_double_backward_options`` passed
    to ``assert_allclose``, ``check_backward`` and ``check_double_backward``.
    ``test_name`` and ``backend_config`` are set while a test runs.

    Use it together with :func:`chainer.testing.inject_backend_tests`.

    Example:

        >>> import numpy
        >>> import chainer_lite as chainer
        >>> @chainer.testing.inject_backend_tests(None, [{}])
        ... class TestNeg(chainer.testing.FunctionTestCase):
        ...     def generate_inputs(self):
        ...         return numpy.random.uniform(-1, 1, (2, 3)).astype('f'),
        ...     def forward(self, inputs, device):
        ...         x, = inputs
        ...         return -x,
        ...     def forward_expected(self, inputs):
        ...         x, = inputs
        ...         return -x,
    """

    def test_forward(self, backend_config):
        """Tests forward computation."""
        self.run_test_forward(backend_config)

    def test_backward(self, backend_config):
        """Tests backward computation."""
        self.run_test_backward(backend_config)

    def test_double_backward(self, backend_config):
        """Tests double-backward computation."""
        self.run_test_double_backward(backend_config)


def _check_generated_initializer(init):
    from chainer_lite import initializers
    if isinstance(init, InitializerArgument):
        init = init.expected_initializer
    elif init is None:
        raise ValueError(
            'A None initializer must be wrapped in a InitializerArgument '
            'along with the expected initializer fallen back to.')
    initializers._check_is_initializer_like(init)


def _get_initializer_argument_value(init):
    if isinstance(init, InitializerArgument):
        return init.argument_value
    return init


def _get_expected_initializer(init):
    from chainer_lite import initializers
    if isinstance(init, InitializerArgument):
        init = init.expected_initializer
    assert init is not None
    if not isinstance(init, chainer_lite.Initializer):
        init = initializers._get_initializer(init)
    return init


def _get_link_params(link, param_names):
    params = []
    for name in param_names:
        param = getattr(link, name, None)
        if param is None:
            LinkTestError.fail(
                'Link does not have a parameter named \'{}\'.'.format(name))
        params.append(param)
    return params


class _LinkTestBase(object):
    """What link tests and link initializer tests have in common."""

    backend_config = None
    contiguous = None
    param_names = ()

    def before_test(self, test_name):
        pass

    def generate_params(self):
        raise NotImplementedError('generate_params is not implemented.')

    def generate_inputs(self):
        raise NotImplementedError('generate_inputs is not implemented.')

    def create_link(self, initializers):
        raise NotImplementedError('create_link is not implemented.')

    def forward(self, link, inputs, device):
        outputs = link(*inputs)
        if not isinstance(outputs, tuple):
            outputs = outputs,
        return outputs

    def check_forward_outputs(self, outputs, expected_outputs):
        _check_forward_output_types(outputs, expected_outputs)
        _compare_arrays(outputs, expected_outputs, LinkTestError,
                        **self.check_forward_options)

    def _generate_params(self):
        params = self.generate_params()
        if not isinstance(params, (tuple, list)):
            raise TypeError('`generate_params` must return a tuple or a list.')
        for init in params:
            _check_generated_initializer(init)
        return params

    def _generate_inputs(self):
        return _call_generator(self, 'generate_inputs')

    def _create_link(self, initializers, backend_config):
        link = self.create_link(initializers)
        if not isinstance(link, chainer_lite.Link):
            raise TypeError('`create_link` must return a chainer.Link object.')
        link.to_device(backend_config.device)
        return link

    def _create_initialized_link(self, inits, backend_config):
        # Creates the link and runs a forward pass so that lazily
        # initialized parameters get their values.
        link = self._create_link(
            list(map(_get_initializer_argument_value, inits)), backend_config)
        inputs = self._to_noncontiguous_as_needed(
            backend_config.get_array(self._generate_inputs()))
        out_vars = self._forward(
            link, [chainer_lite.Variable(x) for x in inputs], backend_config)
        link.cleargrads()
        return link, inputs, [y.array for y in out_vars]

    def _forward(self, link, inputs, backend_config):
        def call(args, device):
            return self.forward(link, args, device)
        return _run_forward(call, inputs, backend_config, LinkTestError)

    def _to_noncontiguous_as_needed(self, arrays):
        return _to_noncontiguous_as_needed(self.contiguous, arrays)


class LinkTestCase(_LinkTestBase, unittest.TestCase):
    """Base class of link tests: forward and backward (inputs and params).

    A concrete class implements ``generate_params(self)`` (a tuple of
    initializer-likes, one per constructor argument), ``create_link(self,
    initializers)``, ``generate_inputs(self)`` (a tuple of NumPy arrays) and
    ``forward_expected(self, link, inputs)`` (expected NumPy outputs,
    computed with the link moved to the CPU). ``forward(self, link, inputs,
    device)`` defaults to calling the link with the inputs.

    ``param_names`` lists the parameters whose gradients are checked.
    Attributes ``skip_forward_test``, ``skip_backward_test``,
    ``dodge_nondifferentiable``, ``numerical_grad_dtype``, ``contiguous``,
    ``check_forward_options`` and ``check_backward_options`` work as in
    :class:`FunctionTestCase`. Use it together with
    :func:`chainer.testing.inject_backend_tests`.
    """

    check_forward_options = None
    check_backward_options = None
    skip_forward_test = False
    skip_backward_test = False
    dodge_nondifferentiable = False
    numerical_grad_dtype = numpy.float64

    def __init__(self, *args, **kwargs):
        self.check_forward_options = {}
        self.check_backward_options = {}
        super().__init__(*args, **kwargs)

    def forward_expected(self, link, inputs):
        raise NotImplementedError('forward_expected() is not implemented.')

    def generate_grad_outputs(self, outputs_template):
        return _random_like(outputs_template)

    def test_forward(self, backend_config):
        """Tests forward computation."""
        if self.skip_forward_test:
            raise unittest.SkipTest('skip_forward_test is set')
        self.backend_config = backend_config
        self.before_test('test_forward')

        link = self._create_link(self._generate_params(), backend_config)
        inputs_np = self._generate_inputs()
        inputs = self._to_noncontiguous_as_needed(
            backend_config.get_array(inputs_np))
        outputs = self._forward(
            link, tuple([chainer_lite.Variable(a) for a in inputs]),
            backend_config)
        outputs = tuple([v.array for v in outputs])

        link.to_device(backend.CpuDevice())
        expected = self._forward_expected(link, inputs_np)
        self.check_forward_outputs(outputs, expected)

    def test_backward(self, backend_config):
        """Tests backward computation w.r.t. inputs and parameters."""
        if self.skip_backward_test:
            raise unittest.SkipTest('skip_backward_test is set')
        from chainer_lite import gradient_check
        self.backend_config = backend_config
        self.before_test('test_backward')

        def check():
            # A throw-away link provides the inputs, outputs and parameter
            # values; a second link of the same construction runs the
            # forward passes of the check with perturbed parameters.
            inits = self._generate_params()

            def build():
                return self._create_initialized_link(inits, backend_config)

            source_link, x_data, y_data = build()
            w_data = [w.array for w in
                      _get_link_params(source_link, self.param_names)]
            to_cpu = backend.CpuDevice().send
            gy_data = backend_config.get_array(
                self._generate_grad_outputs([to_cpu(y) for y in y_data]))
            x_data, w_data, gy_data = [
                self._to_noncontiguous_as_needed(arrays)
                for arrays in (x_data, w_data, gy_data)]

            target_link = build()[0]

            def forward(xs, ws):
                with target_link.init_scope():
                    for name, w in zip(self.param_names, ws):
                        setattr(target_link, name, w)
                return self._forward(target_link, xs, backend_config)

            with LinkTestError.raise_if_fail(
                    'backward is not implemented correctly'):
                gradient_check._check_backward_with_params(
                    forward, x_data, gy_data, params=w_data,
                    **_numerical_options(self),
                    **self.check_backward_options)

        _retry_while_nondifferentiable(self.dodge_nondifferentiable, check)

    # The expected outputs and output gradients are computed on the CPU.

    def _forward_expected(self, link, inputs):
        _assert_numpy_arrays(inputs)
        return _call_generator(self, 'forward_expected', link, inputs)

    def _generate_grad_outputs(self, outputs_template):
        _assert_numpy_arrays(outputs_template)
        return _call_generator(
            self, 'generate_grad_outputs', outputs_template)


class LinkInitializersTestCase(_LinkTestBase, unittest.TestCase):
    """Base class of tests checking how a link initializes its parameters.

    A concrete class implements ``generate_params``, ``create_link``,
    ``generate_inputs`` (and optionally ``forward``) as in
    :class:`LinkTestCase`, plus ``get_initializers(self)``: one container
    per constructor argument listing the initializer-likes to try (use
    :class:`InitializerArgument` for arguments like ``None`` that stand for
    another initializer). ``param_names`` lists the parameters, in the order
    of the constructor arguments. ``check_initializers_options`` is passed
    to ``assert_allclose``.
    """

    check_initializers_options = None

    def __init__(self, *args, **kwargs):
        self.check_initializers_options = {}
        super().__init__(*args, **kwargs)

    def get_initializers(self):
        raise NotImplementedError('get_initializers is not implemented.')

    def test_initializers(self, backend_config):
        """Tests that the parameters of a link are correctly initialized."""
        self.backend_config = backend_config
        self.before_test('test_initializers')
        for index, candidates in enumerate(self._get_initializers()):
            # The other arguments keep the values of generate_params.
            base = list(self._generate_params())
            for candidate in candidates:
                trial = base[:index] + [candidate] + base[index + 1:]
                self._test_single_initializer(index, trial, backend_config)

    def _get_initializers(self):
        params_inits = self.get_initializers()
        if not isinstance(params_inits, (tuple, list)):
            raise TypeError(
                '`get_initializers` must return a tuple or a list.')
        for candidates in params_inits:
            if not isinstance(candidates, (tuple, list)):
                raise TypeError(
                    '`get_initializers` must return a tuple or a list of '
                    'tuples or lists.')
            for init in candidates:
                _check_generated_initializer(init)
        return params_inits

    def _test_single_initializer(self, i_param, inits, backend_config):
        link = self._create_initialized_link(inits, backend_config)[0]
        param = _get_link_params(link, self.param_names)[i_param]
        actual = backend.CpuDevice().send(param.array)
        expected = numpy.empty_like(actual)
        _get_expected_initializer(inits[i_param])(expected)
        _compare_arrays((expected,), (actual,), LinkTestError,
                        **self.check_initializers_options)
