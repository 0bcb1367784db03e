"""F.exp, F.log, F.log2, F.log10 against NumPy, with gradients."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

test_exp = gradients.function_test(F.exp, numpy.exp)
test_log = gradients.function_test(F.log, numpy.log, ranges=(0.5, 2))
test_log2 = gradients.function_test(F.log2, numpy.log2, ranges=(0.5, 2))
test_log10 = gradients.function_test(F.log10, numpy.log10, ranges=(0.5, 2))


@pytest.mark.parametrize('func,label', [
    (F.exp, 'exp'), (F.log, 'log'), (F.log2, 'log2'), (F.log10, 'log10')])
def test_labels_and_int_rejection(func, label):
    assert func(numpy.ones(1, numpy.float32)).creator.label == label
    with pytest.raises(type_check.InvalidType) as e:
        func(numpy.ones(1, numpy.int32))
    assert 'Invalid operation is performed in: {} (Forward)'.format(label) \
        in str(e.value)
