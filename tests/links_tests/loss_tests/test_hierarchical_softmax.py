"""L.BinaryHierarchicalSoftmax: tree parsing, probabilities, gradients."""
import copy

import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import gradient_check
import chainer_lite.links as L
from chainer_lite.links.loss import hierarchical_softmax


def test_tree_parser():
    parser = hierarchical_softmax.TreeParser(numpy.float32)
    parser.parse(((0, 1), 2))
    assert parser.size() == 2
    numpy.testing.assert_array_equal(parser.get_paths()[1], [0, 1])
    numpy.testing.assert_array_equal(parser.get_codes()[1], [1., -1.])
    numpy.testing.assert_array_equal(parser.get_codes()[2], [-1.])
    with pytest.raises(ValueError, match='two child nodes'):
        parser.parse((0, 1, 2))


def test_huffman_tree():
    tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
        {'x': 8, 'y': 6, 'z': 5, 'w': 4, 'v': 3})
    assert tree == (('z', 'y'), (('v', 'w'), 'x'))
    with pytest.raises(ValueError, match='Empty vocabulary'):
        L.BinaryHierarchicalSoftmax.create_huffman_tree({})


def test_probabilities_sum_to_one():
    hsm = L.BinaryHierarchicalSoftmax(3, ((0, 1), ((2, 3), 4)))
    x = numpy.random.randn(1, 3).astype(numpy.float32)
    total = sum(
        numpy.exp(-float(hsm(x, numpy.array([i], numpy.int32)).array))
        for i in range(5))
    assert abs(total - 1) < 1e-5


def test_loss_matches_path_formula():
    hsm = L.BinaryHierarchicalSoftmax(2, ((0, 1), 2))
    W = hsm.W.array
    x = numpy.random.randn(2, 2).astype(numpy.float32)
    t = numpy.array([1, 2], numpy.int32)
    expected = (numpy.logaddexp(0, -W[0].dot(x[0])) +
                numpy.logaddexp(0, W[1].dot(x[0])) +
                numpy.logaddexp(0, W[0].dot(x[1])))
    loss = hsm(x, t)
    assert loss.dtype == numpy.float32
    numpy.testing.assert_allclose(loss.array, expected, rtol=1e-5)


def test_gradients():
    with chainer.using_config('dtype', numpy.float64):
        hsm = L.BinaryHierarchicalSoftmax(3, ((0, 1), ((2, 3), 4)))
    x = numpy.random.randn(4, 3)
    t = numpy.array([0, 4, 2, 2], numpy.int32)
    gradient_check.check_backward(
        lambda x, W: copy.copy(hsm._func)(x, t, W),
        (x, hsm.W.array), numpy.array(numpy.random.randn()), atol=1e-6,
        rtol=1e-5)


def test_training_lowers_loss():
    hsm = L.BinaryHierarchicalSoftmax(2, ((0, 1), 2))
    x = numpy.random.randn(6, 2).astype(numpy.float32)
    t = numpy.array([0, 1, 2, 0, 1, 2], numpy.int32)
    first = float(hsm(x, t).array)
    for _ in range(20):
        hsm.cleargrads()
        hsm(x, t).backward()
        hsm.W.array -= 0.1 * hsm.W.grad
    assert float(hsm(x, t).array) < first
    assert isinstance(hsm.W, chainer.Parameter)
