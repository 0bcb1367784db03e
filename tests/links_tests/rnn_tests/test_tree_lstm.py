"""L.ChildSumTreeLSTM and L.NaryTreeLSTM."""
import numpy
import pytest

import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def test_child_sum_leaf():
    lstm = L.ChildSumTreeLSTM(3, 2)
    x = numpy.random.randn(1, 3).astype(numpy.float32)
    c, h = lstm(x)
    z = x.dot(lstm.W_x.W.array.T) + lstm.W_x.b.array
    a, i, o = z[:, :2], z[:, 2:4], z[:, 4:6]
    c_ref = _sigmoid(i) * numpy.tanh(a)
    numpy.testing.assert_allclose(c.array, c_ref, rtol=1e-5, atol=1e-6)
    numpy.testing.assert_allclose(h.array, _sigmoid(o) * numpy.tanh(c_ref),
                                  rtol=1e-5, atol=1e-6)


def test_child_sum_internal_node():
    lstm = L.ChildSumTreeLSTM(3, 2)
    x = numpy.random.randn(2, 3).astype(numpy.float32)
    c1, h1 = lstm(x)
    c, h = lstm(c1, None, h1, None, None)
    assert c.shape == (2, 2) and h.shape == (2, 2)
    with pytest.raises(ValueError, match='All inputs'):
        lstm(None, None, None)


def test_nary():
    lstm = L.NaryTreeLSTM(3, 2, n_ary=3)
    assert [name for name, _ in lstm.namedlinks(skipself=True)] == [
        '/W_h1', '/W_h2', '/W_h3', '/W_x']
    x = numpy.random.randn(2, 3).astype(numpy.float32)
    c1, h1 = lstm(None, None, None, None, None, None, x)
    c, h = lstm(c1, None, c1, h1, None, h1, x)
    assert c.shape == (2, 2) and h.shape == (2, 2)
