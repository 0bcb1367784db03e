"""Numerical gradients and the checks of backward and double backward."""
import io
import warnings

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import testing
from chainer_lite import utils
from chainer_lite import variable


class NondifferentiableError(Exception):
    """Raised when a function turns out not to be differentiable at a point."""


# With five samples of a function at equally spaced points t = -2..2, these
# two vectors span the residual of the least-squares quadratic fit: they are
# orthogonal to 1, t and t**2 (discrete orthogonal polynomials of degrees 3
# and 4, with squared norms 10 and 70).
_CUBIC = numpy.array([-1., 2., 0., -2., 1.])
_QUARTIC = numpy.array([1., -4., 6., -4., 1.])


def _as_tuple(xs):
    if isinstance(xs, tuple):
        return xs
    if isinstance(xs, list):
        return tuple(xs)
    return xs,


def _outputs_as_float64(ys, xp):
    # Outputs are copied (they may share memory with the perturbed inputs)
    # and promoted so that differences of nearby values keep their precision.
    return [None if y is None else xp.array(y, dtype=numpy.float64, copy=True)
            for y in ys]


def _check_outputs_and_grad_outputs(outputs, grad_outputs):
    def fail(problem):
        raise ValueError(
            '{}\nOutput shapes and dtypes         : {}\n'
            'Output gradient shapes and dtypes: {}'.format(
                problem, utils._format_array_props(outputs),
                utils._format_array_props(grad_outputs)))

    if len(outputs) != len(grad_outputs):
        fail('Output gradients must contain equally as many elements as '
             'the number of output elements.')
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            continue
        # A missing output accepts only an all-zero gradient.
        if y is None:
            ok = bool((gy == 0).all())
        else:
            ok = (y.shape, y.dtype) == (gy.shape, gy.dtype)
        if not ok:
            fail('Shapes and/or dtypes of outputs and output gradients do '
                 'not match.')


def _nondifferentiable_message(i_in, i_out, x, index, eps, samples,
                               **details):
    f = io.StringIO()
    f.write('Tried to compute the numeric gradient on a '
            'non-differentiable point.\n\n')
    f.write('i_in: {}\ni_out: {}\nx: {}\nindex on x: {}\neps: {}\n'.format(
        i_in, i_out, x, index, eps))
    for name, value in details.items():
        f.write('{}: {}\n'.format(name, value))
    for label, y in zip(('x-eps  ', 'x-eps/2', 'x      ', 'x+eps/2',
                         'x+eps  '), samples):
        f.write('y[{}]: {}\n'.format(label, y))
    return f.getvalue()


def _check_differentiable(yss, xp, i_in, x, index, eps, diff_atol, diff_rtol):
    # `yss` holds the outputs at x-eps, x-eps/2, x, x+eps/2 and x+eps.
    for i_out in range(len(yss[0])):
        samples = [ys[i_out] for ys in yss]
        if samples[0] is None or samples[0].size == 0:
            continue
        stacked = xp.stack(samples)
        finite = xp.isfinite(stacked)
        # An output that is finite at some of the points and not at others
        # jumps (e.g. log at 0). Outputs that are never finite (log of a
        # negative number) are not a kink.
        if (finite != finite[0]).any():
            raise NondifferentiableError(_nondifferentiable_message(
                i_in, i_out, x, index, eps, samples))
        finite = finite.all(axis=0)
        stacked = xp.where(finite, stacked, 0)
        # A smooth function is close to a quadratic over the five points; the
        # root mean square error of the best quadratic fit detects kinks and
        # steps, relative to the range of the values.
        cubic = xp.tensordot(xp.asarray(_CUBIC), stacked, axes=1)
        quartic = xp.tensordot(xp.asarray(_QUARTIC), stacked, axes=1)
        fit_error = xp.sqrt((cubic ** 2 / 10 + quartic ** 2 / 70) / 5)
        ymax = stacked.max(axis=0)
        ymin = stacked.min(axis=0)
        tolerance = diff_atol + diff_rtol * (ymax - ymin)
        kinked = (fit_error > tolerance) & (ymax != ymin) & finite
        if kinked.any():
            raise NondifferentiableError(_nondifferentiable_message(
                i_in, i_out, x, index, eps, samples,
                diff_rtol=diff_rtol, diff_atol=diff_atol, ymax=ymax,
                ymin=ymin, **{'diff_atol + diff_rtol * (ymax-ymin)':
                              tolerance, 'fitting errors': fit_error}))


def _array_module_of(arrays):
    arrays = [a for a in arrays if a is not None and not numpy.isscalar(a)]
    if not chainer_lite.is_arrays_compatible(arrays):
        raise RuntimeError('Do not mix GPU and CPU arrays in `numerical_grad`')
    return backend.get_array_module(*arrays)


def numerical_grad(f, inputs, grad_outputs, eps=1e-3,
                   detect_nondifferentiable=False,
                   diff_atol=0, diff_rtol=1e-2, center_outputs=None):
    """Computes the gradient of ``f`` by central finite differences.

    Each element of each input is moved by ``-eps`` and ``+eps`` in place,
    ``f`` is evaluated, and the differences of its outputs, weighted by
    ``grad_outputs``, give the gradient (accurate to the second order of
    ``eps``). With ``detect_nondifferentiable``, ``f`` is also evaluated at
    ``x``, ``x - eps/2`` and ``x + eps/2``; the five points give a gradient
    accurate to the fourth order and reveal non-differentiable points.

    Args:
        f (callable): Function without arguments returning a tuple of arrays
            (or scalars, or ``None`` for outputs that do not count); it must
            read the arrays of ``inputs``.
        inputs (tuple of arrays): Float arrays, perturbed in place (their
            values are restored afterwards).
        grad_outputs (tuple of arrays or scalars): Weights of the outputs;
            ``None`` ignores an output.
        eps (float): The step of the finite differences (positive).
        detect_nondifferentiable (bool): If ``True``, raise
            :class:`NondifferentiableError` when ``f`` is not differentiable
            at ``inputs``: an output that is finite only at some of the
            points, or that a quadratic does not fit well.
        diff_atol (float): Absolute tolerance of the quadratic fitting error.
        diff_rtol (float): Tolerance of the fitting error relative to the
            range of each output over the points.
        center_outputs (tuple of arrays): Ignored; the outputs at ``inputs``
            are always recomputed in float64, as lower-precision values
            lack the resolution the detection needs.

    Returns:
        list of arrays: The gradients, one per input, in the input dtypes.

    Example:

        >>> import numpy as np
        >>> from chainer_lite import gradient_check
        >>> x = np.array([1.0, 2.0])
        >>> gx, = gradient_check.numerical_grad(lambda: (x * x,), (x,), (1,))
        >>> np.allclose(gx, [2.0, 4.0])
        True
    """
    assert eps > 0
    assert isinstance(inputs, (tuple, list))
    for x in inputs:
        if x.dtype.kind != 'f':
            raise RuntimeError(
                'The dtype of input arrays must be kind of float')
    inputs = tuple(inputs)
    grad_outputs = tuple([
        None if g is None
        else numpy.float64(g) if numpy.isscalar(g)
        else g.astype(numpy.float64)
        for g in grad_outputs])
    xp = _array_module_of(inputs + grad_outputs)

    if detect_nondifferentiable:
        offsets = (-eps, -eps / 2, 0, eps / 2, eps)
    else:
        offsets = (-eps, eps)

    def evaluate():
        ys = _outputs_as_float64(f(), xp)
        assert len(ys) == len(grad_outputs)
        for y, gy in zip(ys, grad_outputs):
            assert y is not None or gy is None
            assert (y is None or gy is None or numpy.isscalar(gy)
                    or y.shape == gy.shape)
        return ys

    def weighted_difference(samples, gy):
        if len(samples) == 2:
            y_minus, y_plus = samples
            return ((y_plus - y_minus) * gy).sum() / (2 * eps)
        y_m1, y_m2, _, y_p2, y_p1 = samples
        return ((-y_p1 + 8 * y_p2 - 8 * y_m2 + y_m1) * gy).sum() / (6 * eps)

    grads = [xp.zeros_like(x, dtype=numpy.float64) for x in inputs]
    # Type checks already passed at the unperturbed point; skip them for
    # the many evaluations that follow.
    with chainer_lite.using_config('type_check', False):
        center = evaluate() if detect_nondifferentiable else None
        for i_in, (x, gx) in enumerate(zip(inputs, grads)):
            original = x.copy()
            for index in numpy.ndindex(x.shape):
                value = original[index]
                yss = []
                for offset in offsets:
                    if offset == 0:
                        yss.append(center)
                        continue
                    x[index] = value + offset
                    try:
                        yss.append(evaluate())
                    finally:
                        x[index] = value
                if detect_nondifferentiable:
                    _check_differentiable(yss, xp, i_in, inputs[i_in], index,
                                          eps, diff_atol, diff_rtol)
                for i_out, gy in enumerate(grad_outputs):
                    if gy is None or yss[0][i_out] is None:
                        continue
                    gx[index] += weighted_difference(
                        [ys[i_out] for ys in yss], gy)

    return [g.astype(x.dtype, copy=False) for g, x in zip(grads, inputs)]


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Deprecated alias of :func:`chainer.testing.assert_allclose`."""
    warnings.warn(
        'chainer.gradient_check.assert_allclose is deprecated. '
        'Use chainer.testing.assert_allclose instead.',
        DeprecationWarning)
    testing.assert_allclose(x, y, atol, rtol, verbose)


class _CheckBackward(object):
    """One run of :func:`check_backward`.

    With ``is_immutable_params`` the parameters are given as arrays and
    ``func`` is called as ``func(inputs, params)`` with new
    :class:`~chainer.Parameter` objects; otherwise they are Parameters held
    by the caller, perturbed in place, and ``func(*inputs)`` is called.
    """

    def __init__(self, func, xs, gys, params, immutable, options):
        # `options` holds eps, atol, rtol, no_grads, dtype and
        # detect_nondifferentiable, as given to check_backward.
        dtype = options['dtype']
        if not (dtype is None or numpy.dtype(dtype).kind == 'f'):
            raise ValueError('`dtype` is allowed only float type')
        params = _as_tuple(params)
        array_types = chainer_lite.get_array_types()
        if immutable and any(not isinstance(p, array_types) for p in params):
            raise ValueError(
                'All parameters in `params` must be ndarrays if '
                '`is_immutable_params` is `True`. Actual: {}.'.format(
                    ', '.join(str(type(p)) for p in params)))
        xs = _as_tuple(xs)
        skip = options['no_grads']
        if skip is None:
            # Only float inputs have gradients; None inputs are kept as
            # None markers.
            skip = [x if x is None else x.dtype.kind != 'f' for x in xs]
        elif len(skip) != len(xs):
            raise ValueError(
                'Length of no_grads param and xs should be same.\n'
                'Actual: {0} != {1}'.format(len(skip), len(xs)))

        present = [x for x in xs if x is not None]
        self.device = backend.get_device_from_array(*present)
        self.func = func
        self.xs = xs
        self.gys = gys if gys is None else _as_tuple(gys)
        self.params = params
        self.no_gxs = skip
        self.is_immutable_params = immutable
        self.dtype = dtype
        self.eps, self.atol, self.rtol = (
            options['eps'], options['atol'], options['rtol'])
        self.detect_nondifferentiable = options['detect_nondifferentiable']

    def run(self):
        with chainer_lite.using_device(self.device):
            self._run()

    def _run(self):
        # The forward pass comes first: it initializes lazy parameters,
        # whose shapes the direction needs.
        xs, ys, params = self._forward_for_backward_gradients()
        y0_data = tuple([None if y is None else y.array for y in ys])

        if self.gys is None:
            if not (len(ys) == 1 and ys[0].shape == ()):
                raise ValueError(
                    'y_grad argument cannot be omitted if the target function '
                    'is not a loss function, which has a single output with '
                    'shape ().\nActual output shapes: {}'.format(
                        ', '.join([str(y.shape) for y in ys])))
            device = backend.get_device_from_array(ys[0].array)
            self.gys = (device.xp.ones_like(ys[0].array),)
        else:
            _check_outputs_and_grad_outputs(ys, self.gys)
        self.gys = tuple([None if y is None else gy
                          for gy, y in zip(self.gys, y0_data)])

        directions = self._sample_directions()
        analytic = self._projected_backprop_grad(xs, ys, params, directions)
        numeric = self._projected_numeric_grad(directions, y0_data)
        try:
            testing.assert_allclose(
                numeric, analytic, atol=self.atol, rtol=self.rtol)
        except AssertionError as e:
            raise AssertionError(self._failure_report(
                numeric, analytic, directions, e)) from None

    def _failure_report(self, numeric, analytic, directions, error):
        out = ['check_backward failed (eps={} atol={} rtol={})\n'.format(
            self.eps, self.atol, self.rtol)]
        groups = (('inputs', self.xs), ('grad_outputs', self.gys),
                  ('directions', directions))
        out += ['{}[{}]:\n{}\n'.format(name, i, a)
                for name, arrays in groups for i, a in enumerate(arrays)]
        out.append('gradients (numeric):  {}\n'.format(numeric))
        out.append('gradients (backward): {}\n'.format(analytic))
        out.append('\nx: numeric gradient, y: backward gradient')
        out.append(str(error))
        return ''.join(out)

    def _sample_directions(self):
        # One random unit vector over all checked inputs and parameters,
        # split into arrays of their shapes (None for None inputs).
        shapes = [None if x is None else x.shape
                  for x, no_gx in zip(self.xs, self.no_gxs) if not no_gx]
        shapes += [p.shape for p in self.params]
        sizes = [0 if s is None else int(numpy.prod(s)) for s in shapes]
        vector = self._sample_unit_vector(sum(sizes), self.device.xp)
        directions = []
        offset = 0
        for shape, size in zip(shapes, sizes):
            if shape is None:
                directions.append(None)
            else:
                directions.append(
                    vector[offset:offset + size].reshape(shape))
            offset += size
        return tuple(directions)

    @staticmethod
    def _sample_unit_vector(size, xp):
        # A random direction of norm 1 whose components are all at least
        # 0.1 / sqrt(size) in magnitude: tiny components would make the
        # comparison of the two projected gradients unstable. The squared
        # components are 99% those of a normalized Gaussian vector and 1%
        # uniform.
        vector = xp.random.normal(size=(size,))
        if size == 0:
            return vector
        squares = xp.square(vector)
        return xp.copysign(
            xp.sqrt(0.99 * squares / squares.sum() + 0.01 / size), vector)

    @staticmethod
    def _clear_grads(variables):
        for v in variables:
            if v is not None:
                v.grad_var = None

    def _forward_for_backward_gradients(self):
        xs = [None if x is None
              else variable.Variable(x, requires_grad=x.dtype.kind == 'f')
              for x in self.xs]
        if self.is_immutable_params:
            params = tuple([chainer_lite.Parameter(p) for p in self.params])
            ys = self.func(xs, params)
        else:
            params = self.params
            ys = self.func(*xs)
        ys = _as_tuple(ys)
        # func may have run a backward pass of its own.
        self._clear_grads(xs)
        self._clear_grads(params)
        return xs, ys, params

    def _projected_backprop_grad(self, xs, ys, params, directions):
        # The output gradients are copied: backprop must not modify the
        # arrays the numerical gradient uses afterwards.
        pairs = [(y, variable.Variable(gy.copy(), requires_grad=False))
                 for y, gy in zip(ys, self.gys)
                 if y is not None and gy is not None]
        chainer_lite.backward([y for y, _ in pairs], [gy for _, gy in pairs])

        for no_gx, x in zip(self.no_gxs, xs):
            if no_gx and x.grad is not None:
                raise RuntimeError('gradient of int variable must be None')

        grads = [None if x is None else x.grad
                 for x, no_gx in zip(xs, self.no_gxs) if not no_gx]
        grads += [p.grad for p in params]
        assert len(grads) == len(directions)
        total = 0
        for g, direction in zip(grads, directions):
            if g is not None:
                total += (g.astype(numpy.float64) * direction).sum()
        return total

    def _projected_numeric_grad(self, directions, y0_data):
        xp = self.device.xp
        params = self.params
        immutable = self.is_immutable_params
        original_params = [p if immutable else p.array for p in params]

        x_vars = [variable.Variable(x, requires_grad=False) for x in self.xs]
        checked = [x.array for x, no_gx in zip(x_vars, self.no_gxs)
                   if not no_gx] + original_params
        if self.dtype is not None:
            # Unchecked float inputs are cast too, so that all inputs of
            # func share the dtype.
            for x, no_gx in zip(x_vars, self.no_gxs):
                if no_gx and x.array is not None and x.array.dtype.kind == 'f':
                    x.array = x.array.astype(self.dtype, copy=False)
            checked = [None if a is None
                       else a.astype(self.dtype, copy=False) for a in checked]

        # numerical_grad perturbs `delta`; the inputs move along directions.
        delta = xp.array(0., numpy.float64)

        def perturb(data, direction):
            if data is None:
                return None
            moved = data.astype(numpy.float64) + delta * direction
            return xp.asarray(moved.astype(data.dtype))

        def g():
            inputs = []
            moved = iter([perturb(a, d) for a, d in zip(checked, directions)])
            for x_var, no_gx in zip(x_vars, self.no_gxs):
                if no_gx:
                    inputs.append(x_var)
                else:
                    data = next(moved)
                    inputs.append(
                        None if data is None else variable.Variable(data))
            param_data = list(moved)
            assert len(param_data) == len(params)
            self._clear_grads(inputs)
            if immutable:
                ys = self.func(inputs, tuple([
                    chainer_lite.Parameter(p) for p in param_data]))
            else:
                for param, data in zip(params, param_data):
                    param.array = data
                self._clear_grads(params)
                try:
                    ys = self.func(*inputs)
                finally:
                    for param, data in zip(params, original_params):
                        param.array = data
            return tuple([None if y is None else y.array
                          for y in _as_tuple(ys)])

        assert len(checked) == len(directions)
        # The fitting tolerance of the non-differentiability detection
        # follows the comparison's relative tolerance.
        return numerical_grad(
            g, (delta,), self.gys, self.eps, self.detect_nondifferentiable,
            0, self.rtol, y0_data)[0]


def check_backward(func, x_data, y_grad, params=(), eps=1e-3, atol=1e-5,
                   rtol=1e-4, no_grads=None, dtype=None,
                   detect_nondifferentiable=False):
    """Checks the backward computation of a function numerically.

    ``func`` is called with Variables wrapping ``x_data``; backprop from its
    outputs, seeded with ``y_grad``, gives the gradients of the inputs (and
    of ``params``). Rather than comparing every element with a numerical
    gradient, one random unit direction ``r`` over all inputs and parameters
    is drawn and the directional derivative is compared: the backprop
    gradients projected on ``r`` must match the central difference of
    ``y_grad . func(x + delta r)`` in ``delta`` (computed by
    :func:`numerical_grad`), within ``atol`` and ``rtol``.

    Args:
        func (callable): Takes Variables and returns a Variable or a tuple of
            Variables, e.g. a function, a :class:`~chainer.FunctionNode`
            wrapper or a :class:`~chainer.Link`. It is called many times and
            must be deterministic.
        x_data (array or tuple of arrays): Inputs of ``func``.
        y_grad (array or tuple of arrays or None): Gradients of the outputs
            (``None`` entries for outputs without one); ``None`` alone for a
            loss function returning a single scalar (the gradient is 1).
        params (~chainer.Variable or tuple of them): Parameters used by
            ``func`` whose gradients are checked too (e.g. ``(link.W,
            link.b)``).
        eps (float): Step of the finite differences.
        atol (float): Absolute tolerance of the comparison.
        rtol (float): Relative tolerance of the comparison.
        no_grads (list of bool): Per input, ``True`` to skip its check and
            require that backprop leaves its gradient ``None``. Defaults to
            ``True`` for non-float inputs.
        dtype (~numpy.dtype): If given (a float dtype), the inputs, output
            gradients and parameters are cast to it for the numerical
            gradient, e.g. float64 for accuracy.
        detect_nondifferentiable (bool): If ``True``, raise
            :class:`NondifferentiableError` when ``func`` is not
            differentiable at ``x_data``.

    Raises:
        AssertionError: The gradients differ; the message lists the inputs,
            output gradients, direction and both projected gradients.

    Example:

        >>> import numpy as np
        >>> from chainer_lite import gradient_check
        >>> x = np.random.uniform(-1, 1, (2, 3)).astype(np.float32)
        >>> gy = np.random.uniform(-1, 1, (2, 3)).astype(np.float32)
        >>> gradient_check.check_backward(lambda x: x * x, x, gy,
        ...                               dtype=np.float64)
    """
    options = dict(eps=eps, atol=atol, rtol=rtol, no_grads=no_grads,
                   dtype=dtype,
                   detect_nondifferentiable=detect_nondifferentiable)
    _CheckBackward(func, x_data, y_grad, params, False, options).run()


def _check_backward_with_params(func, x_data, y_grad, params=(), eps=1e-3,
                                atol=1e-5, rtol=1e-4, no_grads=None,
                                dtype=None, detect_nondifferentiable=False):
    # check_backward with parameters given as arrays; func is called as
    # func(inputs, params) with fresh Parameters, so the caller's parameters
    # are never perturbed in place (used by LinkTestCase).
    assert all(isinstance(p, chainer_lite.get_array_types()) for p in params)
    options = dict(eps=eps, atol=atol, rtol=rtol, no_grads=no_grads,
                   dtype=dtype,
                   detect_nondifferentiable=detect_nondifferentiable)
    _CheckBackward(func, x_data, y_grad, params, True, options).run()


def check_double_backward(func, x_data, y_grad, x_grad_grad,
                          params=(), params_grad_grad=(),
                          eps=1e-3, atol=1e-4, rtol=1e-3, no_grads=None,
                          dtype=None, detect_nondifferentiable=False):
    """Checks the second-order gradients of a function numerically.

    The first-order gradient ``(x, gy) -> (gx, gparams)`` of ``func``
    (computed by backprop with double backprop enabled) is itself checked
    with :func:`check_backward`, seeded with ``x_grad_grad`` and
    ``params_grad_grad``. The first-order gradient is assumed to be correct:
    check it with :func:`check_backward` first. The default tolerances are
    larger than those of :func:`check_backward` because second-order
    numerical gradients are less accurate.

    Args:
        func (callable): As in :func:`check_backward`.
        x_data (array or tuple of arrays): Inputs of ``func``.
        y_grad (array or tuple of arrays): Gradients of the outputs.
        x_grad_grad (array or tuple of arrays): Gradients with respect to the
            first-order input gradients (one per float input).
        params (tuple of ~chainer.Variable): Parameters used by ``func``.
        params_grad_grad (tuple of arrays): Gradients with respect to the
            first-order parameter gradients.
        eps, atol, rtol, dtype, detect_nondifferentiable: As in
            :func:`check_backward`.
        no_grads (list of bool): As in :func:`check_backward`, one per input
            (the output gradients are always checked).

    Raises:
        AssertionError: The second-order gradients differ.

    Example:

        >>> import numpy as np
        >>> from chainer_lite import gradient_check
        >>> x, gy, ggx = np.random.uniform(-1, 1, (3, 4)).astype(np.float32)
        >>> gradient_check.check_double_backward(
        ...     lambda x: x * x * x, x, gy, ggx, dtype=np.float64)
    """
    xs = _as_tuple(x_data)
    params = _as_tuple(params)
    gys = _as_tuple(y_grad)
    ggxs = _as_tuple(x_grad_grad)
    ggparams = _as_tuple(params_grad_grad)
    n_x = len(xs)
    # Which inputs have no first-order gradient (the non-float ones).
    int_inputs = [x.dtype.kind != 'f' for x in xs]
    if no_grads is not None and len(no_grads) == n_x:
        # Extend the per-input flags over the output gradients, which are
        # inputs of the first-order gradient function too.
        no_grads = list(no_grads)
        no_grads += [gy if gy is None else False for gy in gys]

    def first_order_grad(*inputs):
        xs = inputs[:n_x]
        gys = inputs[n_x:]
        ys = _as_tuple(func(*xs))
        # The numerical gradient may pass float64 output gradients to a
        # function whose outputs have another dtype (e.g. F.cast).
        gys = [gy if gy is None or y is None or gy.dtype == y.dtype
               else chainer_lite.functions.cast(gy, y.dtype)
               for y, gy in zip(ys, gys)]
        _check_outputs_and_grad_outputs(ys, gys)
        pairs = [(y, gy) for y, gy in zip(ys, gys)
                 if y is not None and gy is not None]
        chainer_lite.backward([y for y, _ in pairs], [gy for _, gy in pairs],
                              enable_double_backprop=True)

        gxs = []
        errors = []
        for i, (no_gx, x) in enumerate(zip(int_inputs, xs)):
            if not no_gx:
                gxs.append(None if x.grad is None else x.grad_var)
            elif x.grad is not None:
                errors.append('[{}]: Gradient was calculated while expected '
                              'to not.'.format(i))
        if errors:
            raise RuntimeError(
                'There are errors retrieving first-order gradients:\n'
                'Inputs: {}\nSkip: {}\nErrors:\n{}\n'.format(
                    utils._format_array_props(xs),
                    ', '.join(str(flag) for flag in int_inputs),
                    '\n'.join(errors)))
        return tuple(gxs + [p.grad_var for p in params])

    try:
        check_backward(first_order_grad, xs + gys, ggxs + ggparams,
                       params=params, eps=eps, atol=atol, rtol=rtol,
                       no_grads=no_grads, dtype=dtype,
                       detect_nondifferentiable=detect_nondifferentiable)
    except AssertionError as e:
        f = io.StringIO()
        f.write('check_double_backward failed '
                '(eps={} atol={} rtol={})\n'.format(eps, atol, rtol))
        for name, arrays in (('input', xs), ('grad_output', gys),
                             ('grad_grad_input', ggxs),
                             ('grad_grad_param', ggparams)):
            for i, a in enumerate(arrays):
                f.write('{}[{}]:\n{}\n'.format(name, i, a))
        f.write('\n')
        f.write(str(e))
        utils._raise_from(AssertionError, f.getvalue(), e)
