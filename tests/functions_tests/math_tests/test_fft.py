"""F.fft and F.ifft on (real, imag) pairs."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('method', ['fft', 'ifft'])
@pytest.mark.parametrize('shape', [(4,), (2, 3)])
def test_fft(dtype, method, shape):
    rng = numpy.random.RandomState(0)
    real = rng.uniform(-1, 1, shape).astype(dtype)
    imag = rng.uniform(-1, 1, shape).astype(dtype)

    def reference(real, imag):
        y = getattr(numpy.fft, method)(real + 1j * imag)
        return y.real, y.imag

    gradients.check_function(
        lambda r, i: getattr(F, method)((r, i)), reference, (real, imag),
        tolerances={'forward': {'atol': 1e-2}})
