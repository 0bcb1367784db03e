"""The one gradient-test helper of the suite: forward, backward, 2nd order.

A differentiable function is tested with a line or two::

    import numpy
    import chainer_lite.functions as F
    from helpers import gradients

    test_exp = gradients.function_test(F.exp, numpy.exp)

    # Two inputs of mutually broadcastable shapes; the divisor stays in
    # [0.5, 2] so the quotient is well conditioned.
    test_div = gradients.function_test(
        lambda a, b: a / b, numpy.divide, arity=2,
        shapes=gradients.broadcastable_shapes(2),
        ranges=[(-1, 1), (0.5, 2)])

    # ReLU has a kink at 0: inputs keep ``margin`` (0.05) away from it.
    test_relu = gradients.function_test(
        F.relu, lambda x: numpy.maximum(x, 0), avoid=[0.0])

``function_test`` returns a pytest test, parameterized over the dtypes
(float16, float32 and float64 by default), whose hypothesis examples draw
shapes, input values and a seed, and then check, for every example:

- forward: ``func`` on Variables against ``reference`` on the NumPy inputs
  (computed in float64), output shapes equal and dtypes equal to the input
  dtype, within ``TOLERANCES[dtype]['forward']``;
- backward: :func:`chainer.gradient_check.check_backward`, numerical
  gradients in float64, with ``TOLERANCES[dtype]['backward']``;
- double backward: :func:`chainer.gradient_check.check_double_backward`
  with ``TOLERANCES[dtype]['double_backward']``.

Options: ``forward=False`` / ``backward=False`` / ``double_backward=False``
skip a check; ``tolerances={'forward': {'atol': ...}}`` loosens one entry
(merged into the table's values); ``max_examples`` overrides the hypothesis
profile (set in tests/conftest.py).

For tests that need more (an ``axis`` drawn together with the shape, inputs
built by hand), use the pieces: :func:`inputs` (a strategy of input tuples),
:func:`check_function` (the three checks on given arrays), and the shape
strategies :func:`shapes`, :func:`same_shapes`,
:func:`broadcastable_shapes`::

    @hypothesis.given(data=hypothesis.strategies.data())
    @pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
    def test_sum_axis(dtype, data):
        x, = data.draw(gradients.inputs(
            dtype, gradients.same_shapes(1, min_dims=1)))
        axis = data.draw(hypothesis.strategies.integers(0, x.ndim - 1))
        gradients.check_function(
            lambda x: F.sum(x, axis=axis), lambda x: x.sum(axis=axis), (x,))
"""
import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
from chainer_lite import gradient_check
from chainer_lite import testing


FLOAT_DTYPES = (numpy.float16, numpy.float32, numpy.float64)

# Tolerances per input dtype. The numerical gradients are computed in float64
# (check_backward's ``dtype`` option), so ``eps`` need not grow for float16;
# the tolerances cover the rounding of the function itself in that dtype.
TOLERANCES = {
    numpy.dtype(numpy.float16): {
        'forward': {'atol': 5e-3, 'rtol': 5e-3},
        'backward': {'eps': 1e-3, 'atol': 5e-3, 'rtol': 5e-2},
        'double_backward': {'eps': 1e-3, 'atol': 1e-2, 'rtol': 1e-1},
    },
    numpy.dtype(numpy.float32): {
        'forward': {'atol': 1e-5, 'rtol': 1e-4},
        'backward': {'eps': 1e-3, 'atol': 1e-4, 'rtol': 1e-3},
        'double_backward': {'eps': 1e-3, 'atol': 1e-3, 'rtol': 1e-2},
    },
    numpy.dtype(numpy.float64): {
        'forward': {'atol': 1e-10, 'rtol': 1e-8},
        'backward': {'eps': 1e-3, 'atol': 1e-5, 'rtol': 1e-4},
        'double_backward': {'eps': 1e-3, 'atol': 1e-4, 'rtol': 1e-3},
    },
}


def tolerance(dtype, check, overrides=None):
    """Returns the options of one check for a dtype, with overrides merged.

    Args:
        dtype: The input dtype (a key of :data:`TOLERANCES`).
        check (str): ``'forward'``, ``'backward'`` or ``'double_backward'``.
        overrides (dict): ``{check: {option: value}}`` entries replacing the
            table's values.

    Returns:
        dict: Keyword arguments for ``assert_allclose`` (forward) or the
        gradient checks.
    """
    options = dict(TOLERANCES[numpy.dtype(dtype)][check])
    options.update((overrides or {}).get(check, {}))
    return options


def shapes(min_dims=0, max_dims=3, min_side=1, max_side=4):
    """A strategy of array shapes (small, so that checks stay fast)."""
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims,
                            min_side=min_side, max_side=max_side)


def same_shapes(n, **kwargs):
    """A strategy of ``n``-tuples of one shape (``kwargs`` as in shapes)."""
    return shapes(**kwargs).map(lambda shape: (shape,) * n)


def broadcastable_shapes(n, max_dims=3, max_side=4):
    """A strategy of ``n``-tuples of mutually broadcastable shapes."""
    return hnp.mutually_broadcastable_shapes(
        num_shapes=n, max_dims=max_dims, max_side=max_side).map(
            lambda shapes: shapes.input_shapes)


def values(low=-1, high=1, avoid=(), margin=0.05):
    """A strategy of floats in ``[low, high]`` at least ``margin`` away from
    every point of ``avoid`` (kinks, poles), where finite differences would
    be meaningless. ``margin`` must exceed the ``eps`` of the checks.
    """
    return st.floats(low, high, allow_nan=False, allow_infinity=False).filter(
        lambda v: all(abs(v - a) >= margin for a in avoid))


def arrays(dtype, shape, low=-1, high=1, avoid=(), margin=0.05):
    """A strategy of arrays of ``dtype`` and ``shape`` with :func:`values`."""
    return hnp.arrays(numpy.float64, shape,
                      elements=values(low, high, avoid, margin)).map(
                          lambda a: a.astype(dtype))


def _per_input(value, n):
    # A (low, high) pair (or an avoid list) given once applies to all inputs.
    if (isinstance(value, list) and len(value) == n
            and all(isinstance(v, (tuple, list)) for v in value)):
        return value
    return [value] * n


def inputs(dtype, shapes, ranges=(-1, 1), avoid=(), margin=0.05):
    """A strategy of input tuples: one array per shape drawn from ``shapes``.

    Args:
        dtype: The dtype of every input.
        shapes: A strategy of tuples of shapes (e.g. :func:`same_shapes`).
        ranges: ``(low, high)`` for all inputs, or a list of one pair per
            input.
        avoid: Points to keep away from (all inputs), or a list of one
            sequence per input.
        margin (float): The distance kept from the points of ``avoid``.
    """
    def build(input_shapes):
        n = len(input_shapes)
        return st.tuples(*[
            arrays(dtype, shape, low, high, points, margin)
            for shape, (low, high), points in zip(
                input_shapes, _per_input(ranges, n), _per_input(avoid, n))])
    return shapes.flatmap(build)


def _as_tuple(x):
    return x if isinstance(x, tuple) else (x,)


def check_function(func, reference, inputs, *, seed=0, forward=True,
                   backward=True, double_backward=True, tolerances=None):
    """Checks forward, backward and double backward of ``func`` on ``inputs``.

    Args:
        func (callable): Takes Variables and returns a Variable or a tuple of
            Variables.
        reference (callable): Takes the NumPy inputs (cast to float64) and
            returns the expected output array(s).
        inputs (tuple of numpy.ndarray): The inputs; the first float input
            selects the tolerances and the expected output dtype.
        seed (int): Seeds the output gradients, the second-order input
            gradients and the direction of the gradient checks.
        forward, backward, double_backward (bool): Which checks run.
        tolerances (dict): Overrides of :data:`TOLERANCES` entries, e.g.
            ``{'backward': {'atol': 1e-3}}``.

    Raises:
        AssertionError: A check failed.
    """
    inputs = tuple(inputs)
    dtype = next(x.dtype for x in inputs if x.dtype.kind == 'f')
    rng = numpy.random.RandomState(seed)

    outputs = _as_tuple(func(*[chainer_lite.Variable(x) for x in inputs]))
    if forward:
        expected = _as_tuple(reference(*[
            x.astype(numpy.float64) if x.dtype.kind == 'f' else x
            for x in inputs]))
        assert len(outputs) == len(expected)
        for y, e in zip(outputs, expected):
            e = numpy.asarray(e)
            assert y.shape == e.shape, (y.shape, e.shape)
            assert y.dtype == dtype, (y.dtype, dtype)
            testing.assert_allclose(
                y.array, e, **tolerance(dtype, 'forward', tolerances))

    grad_outputs = tuple([rng.uniform(-1, 1, y.shape).astype(y.dtype)
                          for y in outputs])
    grad_grad_inputs = tuple([rng.uniform(-1, 1, x.shape).astype(x.dtype)
                              for x in inputs if x.dtype.kind == 'f'])
    # The gradient checks draw their direction from NumPy's global generator.
    state = numpy.random.get_state()
    numpy.random.seed(seed)
    try:
        if backward:
            gradient_check.check_backward(
                func, inputs, grad_outputs, dtype=numpy.float64,
                **tolerance(dtype, 'backward', tolerances))
        if double_backward:
            gradient_check.check_double_backward(
                func, inputs, grad_outputs, grad_grad_inputs,
                dtype=numpy.float64,
                **tolerance(dtype, 'double_backward', tolerances))
    finally:
        numpy.random.set_state(state)


def function_test(func, reference, *, arity=1, shapes=None,
                  dtypes=FLOAT_DTYPES, ranges=(-1, 1), avoid=(), margin=0.05,
                  forward=True, backward=True, double_backward=True,
                  tolerances=None, max_examples=None):
    """Returns a pytest test checking ``func`` against ``reference``.

    Args:
        func (callable): Takes ``arity`` Variables; returns a Variable or a
            tuple of them.
        reference (callable): NumPy version of ``func`` (float64 inputs).
        arity (int): Number of inputs.
        shapes: Strategy of ``arity``-tuples of input shapes; defaults to
            ``same_shapes(arity)``.
        dtypes: The dtypes the test is parameterized with.
        ranges, avoid, margin: Input values, as in :func:`inputs`.
        forward, backward, double_backward (bool): Which checks run.
        tolerances (dict): Overrides of :data:`TOLERANCES` entries.
        max_examples (int): Hypothesis examples per dtype (default: the
            profile's).

    Returns:
        function: The test; assign it to a ``test_*`` name in a test module.
    """
    if shapes is None:
        shapes = same_shapes(arity)

    @pytest.mark.parametrize('dtype', dtypes,
                             ids=[numpy.dtype(d).name for d in dtypes])
    @hypothesis.given(data=st.data())
    def test(dtype, data):
        xs = data.draw(inputs(dtype, shapes, ranges, avoid, margin),
                       label='inputs')
        assert len(xs) == arity
        seed = data.draw(st.integers(0, 2 ** 32 - 1), label='seed')
        check_function(func, reference, xs, seed=seed, forward=forward,
                       backward=backward, double_backward=double_backward,
                       tolerances=tolerances)

    if max_examples is not None:
        test = hypothesis.settings(max_examples=max_examples)(test)
    return test
