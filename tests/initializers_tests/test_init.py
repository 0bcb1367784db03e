"""initializers.generate_array and the initializer-spec conversion of links."""
import numpy
import pytest

import chainer_lite
from chainer_lite import initializers


def test_generate_array_default_dtype():
    a = initializers.generate_array(initializers.One(), (2, 3), numpy)
    assert a.dtype == numpy.float32
    numpy.testing.assert_array_equal(a, numpy.ones((2, 3)))


def test_generate_array_config_dtype():
    with chainer_lite.using_config('dtype', numpy.float16):
        a = initializers.generate_array(initializers.Zero(), (2,), numpy)
    assert a.dtype == numpy.float16


def test_generate_array_mixed16():
    with chainer_lite.using_config('dtype', chainer_lite.mixed16):
        a = initializers.generate_array(initializers.Zero(), (2,), numpy)
    assert a.dtype == numpy.float16


def test_generate_array_initializer_dtype_wins_over_config():
    with chainer_lite.using_config('dtype', numpy.float16):
        a = initializers.generate_array(
            initializers.Zero(numpy.float64), (), numpy)
    assert a.dtype == numpy.float64


def test_generate_array_dtype_argument():
    a = initializers.generate_array(
        initializers.One(), (2,), numpy, dtype=numpy.float64)
    assert a.dtype == numpy.float64


def test_generate_array_dtype_mismatch():
    with pytest.raises(ValueError, match='dtype mismatch'):
        initializers.generate_array(
            initializers.One(numpy.float32), (2,), numpy,
            dtype=numpy.float64)


def test_generate_array_device():
    a = initializers.generate_array(
        initializers.One(), (2,), numpy, device='@numpy')
    assert isinstance(a, numpy.ndarray)


def test_generate_array_plain_callable():
    def fill(array):
        array[...] = 3
    a = initializers.generate_array(fill, (2,), numpy)
    numpy.testing.assert_array_equal(a, [3, 3])


def test_get_initializer_conversions():
    assert isinstance(initializers._get_initializer(None),
                      initializers.LeCunNormal)
    scalar = initializers._get_initializer(2)
    assert isinstance(scalar, initializers.Constant)
    assert scalar.fill_value == 2
    array = numpy.arange(3)
    from_array = initializers._get_initializer(array)
    assert isinstance(from_array, initializers.Constant)
    assert from_array.fill_value is array
    uniform = initializers.Uniform()
    assert initializers._get_initializer(uniform) is uniform
    with pytest.raises(TypeError, match='invalid type of initializer'):
        initializers._get_initializer(object())


def test_check_is_initializer_like():
    initializers._check_is_initializer_like(None)
    initializers._check_is_initializer_like(1.0)
    initializers._check_is_initializer_like(initializers.One())
    with pytest.raises(TypeError, match='Initializer is of wrong type'):
        initializers._check_is_initializer_like(object())


def test_exported_names():
    names = ['Constant', 'Identity', 'NaN', 'One', 'Zero', 'GlorotNormal',
             'HeNormal', 'LeCunNormal', 'Normal', 'Orthogonal',
             'DownsamplingConvFilter', 'UpsamplingDeconvFilter',
             'GlorotUniform', 'HeUniform', 'LeCunUniform', 'Uniform',
             'generate_array']
    for name in names:
        assert hasattr(initializers, name), name
    assert issubclass(initializers.Normal, chainer_lite.Initializer)
