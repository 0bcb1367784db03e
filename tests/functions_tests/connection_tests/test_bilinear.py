"""F.bilinear against einsum, with and without the linear terms."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('full', [False, True])
@hypothesis.given(data=st.data())
def test_bilinear(full, data):
    side = st.integers(1, 3)
    i, k, l = data.draw(side), data.draw(side), data.draw(side)
    e1_tail = data.draw(st.lists(side, min_size=1, max_size=2).map(tuple))
    j = int(numpy.prod(e1_tail))
    shapes = ((i,) + e1_tail, (i, k), (j, k, l))
    if full:
        shapes += ((j, l), (k, l), (l,))
    inputs = data.draw(gradients.inputs(numpy.float32, st.just(shapes)))

    def reference(e1, e2, W, V1=None, V2=None, b=None):
        e1 = e1.reshape(len(e1), -1)
        y = numpy.einsum('ij,ik,jkl->il', e1, e2, W)
        if V1 is not None:
            y += e1.dot(V1) + e2.dot(V2) + b
        return y

    gradients.check_function(F.bilinear, reference, inputs)


def test_errors():
    e1 = numpy.ones((3, 2), numpy.float32)
    e2 = numpy.ones((3, 4), numpy.float32)
    W = numpy.ones((2, 4, 5), numpy.float32)
    with pytest.raises(ValueError, match='must be None'):
        F.bilinear(e1, e2, W, numpy.ones((2, 5), numpy.float32))
    with pytest.raises(type_check.InvalidType, match='float32'):
        F.bilinear(e1.astype(numpy.float64), e2, W)
    with pytest.raises(type_check.InvalidType):
        F.bilinear(e1, e2, W[:1])
