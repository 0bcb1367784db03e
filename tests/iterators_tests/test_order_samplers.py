import numpy
import pytest

from chainer_lite import iterators


def test_base_class_is_abstract():
    with pytest.raises(NotImplementedError):
        iterators.OrderSampler()(numpy.arange(3), 0)


def test_shuffle_sampler_uses_given_or_global_random_state():
    sampler = iterators.ShuffleOrderSampler(numpy.random.RandomState(7))
    expected = numpy.random.RandomState(7)
    for _ in range(3):
        numpy.testing.assert_array_equal(
            sampler(numpy.arange(9), 4), expected.permutation(9))

    numpy.random.seed(11)
    sampler = iterators.ShuffleOrderSampler()
    draws = [sampler(numpy.arange(5), 0) for _ in range(2)]
    numpy.random.seed(11)
    for draw in draws:
        numpy.testing.assert_array_equal(draw, numpy.random.permutation(5))
