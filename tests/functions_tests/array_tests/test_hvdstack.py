"""F.hstack, F.vstack, F.dstack against their NumPy namesakes."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

# For each function: the axis along which inputs may differ in length, by
# ndim (None: the shapes must be equal).
_FUNCS = {
    'hstack': (F.hstack, numpy.hstack, lambda ndim: 0 if ndim == 1 else (
        1 if ndim >= 2 else None)),
    'vstack': (F.vstack, numpy.vstack, lambda ndim: 0 if ndim >= 2 else None),
    'dstack': (F.dstack, numpy.dstack, lambda ndim: 2 if ndim >= 3 else None),
}


@st.composite
def _stack_shapes(draw, free_axis):
    base = draw(gradients.shapes(max_dims=4, max_side=3))
    axis = free_axis(len(base))
    shapes = []
    for _ in range(draw(st.integers(1, 3))):
        shape = list(base)
        if axis is not None:
            shape[axis] = draw(st.integers(1, 3))
        shapes.append(tuple(shape))
    return tuple(shapes)


@pytest.mark.parametrize('name', sorted(_FUNCS))
@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_stacking(name, dtype, data):
    func, reference, free_axis = _FUNCS[name]
    xs = data.draw(gradients.inputs(dtype, _stack_shapes(free_axis)))
    gradients.check_function(lambda *xs: func(xs), lambda *xs: reference(xs),
                             xs)


def test_hstack_of_vectors_of_different_lengths():
    y = F.hstack((numpy.array([1, 2, 3]), numpy.array([4, 5])))
    assert y.array.tolist() == [1, 2, 3, 4, 5]


@pytest.mark.parametrize('func,xs', [
    (F.hstack, (numpy.zeros((2, 3), 'f'), numpy.zeros((3, 3), 'f'))),
    (F.hstack, (numpy.zeros(2, 'f'), numpy.zeros(2, 'd'))),
    (F.vstack, (numpy.zeros(2, 'f'), numpy.zeros(3, 'f'))),
    (F.vstack, (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 4), 'f'))),
    (F.dstack, (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 4), 'f'))),
    (F.dstack, (numpy.zeros((2, 3, 1), 'f'), numpy.zeros((2, 2, 1), 'f'))),
    (F.dstack, (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 3, 1), 'f'))),
])
def test_invalid_shapes(func, xs):
    with pytest.raises(type_check.InvalidType):
        func(xs)
