"""F.det and F.batch_det."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('batched', [False, True])
def test_det(dtype, batched):
    rng = numpy.random.RandomState(0)
    shape = (2, 3, 3) if batched else (3, 3)
    x = (rng.uniform(-1, 1, shape) + 2 * numpy.eye(3)).astype(dtype)
    gradients.check_function(
        F.batch_det if batched else F.det,
        lambda x: numpy.asarray(numpy.linalg.det(x)), (x,),
        tolerances={'forward': {'rtol': 1e-2},
                    'double_backward': {'rtol': 5e-2}})


def test_det_of_singular_matrix_has_no_gradient():
    import chainer_lite
    x = chainer_lite.Variable(numpy.zeros((2, 2)))
    with pytest.raises(ValueError):
        F.det(x).backward()


def test_det_needs_square_matrices():
    with pytest.raises(type_check.InvalidType):
        F.batch_det(numpy.zeros((2, 3, 4), numpy.float32))
