"""F.selu: scaled ELU with the self-normalizing constants."""
import numpy

import chainer_lite.functions as F
from helpers import gradients

_ALPHA = 1.6732632423543772848170429916717
_SCALE = 1.0507009873554804934193349852946


test_selu = gradients.function_test(
    F.selu,
    lambda x: _SCALE * numpy.where(x > 0, x, _ALPHA * numpy.expm1(x)),
    avoid=[0.0], tolerances={'forward': {'rtol': 1e-2}})
test_selu_parameters = gradients.function_test(
    lambda x: F.selu(x, alpha=2.0, scale=0.5),
    lambda x: 0.5 * numpy.where(x > 0, x, 2.0 * numpy.expm1(x)),
    avoid=[0.0])
