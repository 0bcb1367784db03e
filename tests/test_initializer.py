"""chainer.initializer: the Initializer base and get_fans."""
import numpy
import pytest

from chainer_lite import initializer


@pytest.mark.parametrize('shape,fans', [
    ((2, 1), (1, 2)),
    ((5, 3), (3, 5)),
    ((2, 3, 4), (12, 8)),
    ((2, 3, 4, 5), (60, 40)),
])
def test_get_fans(shape, fans):
    assert initializer.get_fans(shape) == fans


@pytest.mark.parametrize('shape', [(), (2,)])
def test_get_fans_needs_two_axes(shape):
    with pytest.raises(ValueError, match='length >= 2'):
        initializer.get_fans(shape)


def test_get_fans_needs_tuple():
    with pytest.raises(ValueError, match='shape must be tuple'):
        initializer.get_fans([2, 3])


def test_base_keeps_dtype_and_is_abstract():
    init = initializer.Initializer('f')
    assert init.dtype == 'f'
    with pytest.raises(NotImplementedError):
        init(numpy.empty(2))
