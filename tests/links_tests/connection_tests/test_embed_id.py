"""L.EmbedID: initial values, lookup, ignore_label."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def test_initial_values_match_chainer():
    numpy.random.seed(9)
    embed = L.EmbedID(5, 3)
    numpy.random.seed(9)
    expected = numpy.random.normal(0, 1.0, (5, 3)).astype(numpy.float32)
    numpy.testing.assert_array_equal(embed.W.array, expected)
    assert [name for name, _ in embed.namedparams()] == ['/W']


def test_lookup_and_gradient():
    embed = L.EmbedID(4, 2)
    ids = numpy.array([[3, 0], [1, 3]], numpy.int32)
    y = embed(ids)
    numpy.testing.assert_array_equal(y.array, embed.W.array[ids])
    embed.cleargrads()
    chainer.functions.sum(y).backward()
    numpy.testing.assert_array_equal(embed.W.grad[:, 0], [1, 1, 0, 2])


def test_ignore_label():
    embed = L.EmbedID(3, 2, ignore_label=-1)
    y = embed(numpy.array([2, -1], numpy.int32))
    numpy.testing.assert_array_equal(y.array[1], [0, 0])
    numpy.testing.assert_array_equal(y.array[0], embed.W.array[2])


def test_initial_w_and_from_params():
    W = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
    embed = L.EmbedID(3, 2, initialW=W)
    numpy.testing.assert_array_equal(embed.W.array, W)
    embed = L.EmbedID.from_params(W, ignore_label=0)
    assert embed.ignore_label == 0
    numpy.testing.assert_array_equal(embed.W.array, W)


def test_out_of_range_id():
    embed = L.EmbedID(3, 2)
    with pytest.raises(IndexError):
        embed(numpy.array([3], numpy.int32))
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError, match='0 <= x < len'):
            embed(numpy.array([3], numpy.int32))
