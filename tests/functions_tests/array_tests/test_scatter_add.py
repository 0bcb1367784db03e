"""F.scatter_add: accumulation at (possibly repeated) indices."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

_SLICES = [
    (slice(None), 1),
    (Ellipsis, slice(0, 2)),
    ([0, 0, 1],),
    (numpy.array([2, 0, 2]), slice(None, None, -1)),
    (None, 1, [1, 1]),
    (numpy.array([True, False, True]),),
]


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('slices', _SLICES)
@hypothesis.given(data=st.data())
def test_scatter_add(dtype, slices, data):
    a_shape = (3, data.draw(st.integers(2, 3)))
    b_shape = numpy.zeros(a_shape)[slices].shape
    a, b = data.draw(gradients.inputs(dtype, st.just((a_shape, b_shape))))

    def reference(a, b):
        y = a.copy()
        numpy.add.at(y, slices, b)
        return y

    gradients.check_function(
        lambda a, b: F.scatter_add(a, slices, b), reference, (a, b))


def test_repeated_indices_accumulate_and_input_is_kept():
    a = numpy.zeros(3, numpy.float32)
    y = F.scatter_add(a, [0, 0, 2], numpy.ones(3, numpy.float32))
    assert y.array.tolist() == [2.0, 0.0, 1.0]
    assert a.tolist() == [0.0, 0.0, 0.0]


def test_no_broadcasting():
    with pytest.raises(ValueError):
        F.scatter_add(numpy.zeros((2, 3), 'f'), 0, numpy.zeros(1, 'f'))


def test_too_many_indices():
    with pytest.raises(type_check.InvalidType):
        F.scatter_add(numpy.zeros(2, 'f'), (0, 0), numpy.zeros((), 'f'))


def test_two_ellipses_rejected_in_debug_mode():
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError):
            F.scatter_add(numpy.zeros((2, 2), 'f'), (Ellipsis, Ellipsis),
                          numpy.zeros((2, 2), 'f'))
