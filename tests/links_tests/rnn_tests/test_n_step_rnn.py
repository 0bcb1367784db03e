"""L.NStepRNN*/LSTM/GRU: weights layout and sequence handling."""
import numpy
import pytest

import chainer_lite.links as L


def _sequences():
    return [numpy.random.randn(n, 3).astype(numpy.float32) for n in (2, 4, 1)]


def test_rnn_tanh_matches_loop():
    rnn = L.NStepRNNTanh(1, 3, 2, 0.0)
    assert [name for name, _ in rnn.namedparams()] == [
        '/0/b0', '/0/b1', '/0/w0', '/0/w1']
    xs = _sequences()
    hy, ys = rnn(None, xs)
    assert hy.shape == (1, 3, 2)
    layer = rnn[0]
    for x, y, h_last in zip(xs, ys, hy.array[0]):
        h = numpy.zeros(2)
        outs = []
        for t in range(len(x)):
            h = numpy.tanh(x[t].dot(layer.w0.array.T) + layer.b0.array +
                           h.dot(layer.w1.array.T) + layer.b1.array)
            outs.append(h)
        numpy.testing.assert_allclose(y.array, outs, rtol=1e-5, atol=1e-6)
        numpy.testing.assert_allclose(h_last, h, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize('cls,n_weights,bi', [
    (L.NStepRNNReLU, 2, False), (L.NStepBiRNNTanh, 2, True),
    (L.NStepBiRNNReLU, 2, True), (L.NStepGRU, 6, False),
    (L.NStepBiGRU, 6, True),
])
def test_shapes(cls, n_weights, bi):
    rnn = cls(2, 3, 4, 0.0)
    direction = 2 if bi else 1
    assert len(rnn) == 2 * direction
    assert rnn[0].w0.shape == (4, 3)
    assert rnn[-1].w0.shape == (4, 4 * direction)
    assert getattr(rnn[0], 'w%d' % (n_weights - 1)).shape == (4, 4)
    hy, ys = rnn(None, _sequences())
    assert hy.shape == (2 * direction, 3, 4)
    assert [y.shape for y in ys] == [(2, 4 * direction), (4, 4 * direction),
                                     (1, 4 * direction)]
    assert rnn.n_cells == 1


@pytest.mark.parametrize('cls,bi', [(L.NStepLSTM, False),
                                    (L.NStepBiLSTM, True)])
def test_lstm(cls, bi):
    lstm = cls(1, 3, 2, 0.0)
    assert len(lstm.ws[0]) == 8 and lstm.n_cells == 2
    hy, cy, ys = lstm(None, None, _sequences())
    direction = 2 if bi else 1
    assert hy.shape == cy.shape == (direction, 3, 2)
    assert ys[1].shape == (4, 2 * direction)


def test_copy_keeps_weight_lists_in_sync():
    rnn = L.NStepGRU(1, 3, 2, 0.0)
    copied = rnn.copy(mode='copy')
    assert copied.ws[0][0] is copied[0].w0
    assert copied.ws[0][0] is not rnn.ws[0][0]


def test_removed_arguments():
    with pytest.raises(ValueError, match='use_cudnn argument'):
        L.NStepLSTM(1, 3, 2, 0.0, use_cudnn=True)
    with pytest.raises(ValueError, match='train argument'):
        L.NStepGRU(1, 3, 2, 0.0)(None, _sequences(), train=True)
