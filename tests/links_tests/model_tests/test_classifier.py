"""L.Classifier: label selection, reported values, loss/accuracy functions."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
import chainer_lite.links as L


class _Echo(chainer.Link):
    # Returns fixed scores and records what it was called with.

    def __init__(self, y):
        super(_Echo, self).__init__()
        self.y = y
        self.calls = []

    def forward(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return chainer.Variable(self.y)


_Y = numpy.array([[2., 1., 0.], [0., 1., 3.]], numpy.float32)
_T = numpy.array([0, 1], numpy.int32)


def test_loss_and_accuracy_reported():
    model = L.Classifier(_Echo(_Y))
    assert model.lossfun is F.softmax_cross_entropy
    assert model.accfun is F.accuracy
    observation = {}
    reporter = chainer.Reporter()
    reporter.add_observer('main', model)
    with reporter.scope(observation):
        loss = model(numpy.zeros((2, 4), numpy.float32), _T)
    numpy.testing.assert_allclose(
        loss.array, F.softmax_cross_entropy(_Y, _T).array)
    assert float(model.accuracy.array) == 0.5
    assert model.y.array is _Y or (model.y.array == _Y).all()
    assert set(observation) == {'main/loss', 'main/accuracy'}
    assert float(observation['main/accuracy'].array) == 0.5


@pytest.mark.parametrize('label_key,args,kwargs,expected_args,expected_kw', [
    (-1, ('x', _T), {}, ('x',), {}),
    (0, (_T, 'x', 'z'), {}, ('x', 'z'), {}),
    (1, ('x', _T, 'z'), {}, ('x', 'z'), {}),
    ('t', ('x',), {'t': _T, 'u': 1}, ('x',), {'u': 1}),
])
def test_label_key(label_key, args, kwargs, expected_args, expected_kw):
    predictor = _Echo(_Y)
    model = L.Classifier(predictor, label_key=label_key)
    model(*args, **kwargs)
    assert predictor.calls == [(expected_args, expected_kw)]


def test_invalid_label_keys():
    with pytest.raises(TypeError, match='label_key must be int or str'):
        L.Classifier(_Echo(_Y), label_key=None)
    with pytest.raises(ValueError, match='Label key 2 is out of bounds'):
        L.Classifier(_Echo(_Y), label_key=2)('x', _T)
    with pytest.raises(ValueError, match='Label key "t" is not found'):
        L.Classifier(_Echo(_Y), label_key='t')('x', _T)


def test_no_accuracy_and_custom_functions():
    def lossfun(y, t):
        return F.sum(y) * 0 + 7.0
    model = L.Classifier(_Echo(_Y), lossfun=lossfun)
    model.compute_accuracy = False
    assert float(model('x', _T).array) == 7.0
    assert model.accuracy is None


def test_predictor_is_child():
    model = L.Classifier(L.Linear(3, 2))
    assert [name for name, _ in model.namedparams()] == [
        '/predictor/W', '/predictor/b']


def test_classifier_learns():
    numpy.random.seed(0)
    x = numpy.random.randn(60, 2).astype(numpy.float32)
    t = (x[:, 0] + x[:, 1] > 0).astype(numpy.int32)
    model = L.Classifier(L.Linear(2, 2))
    first = float(model(x, t).array)
    for _ in range(50):
        loss = model(x, t)
        model.cleargrads()
        loss.backward()
        for p in model.params():
            p.array -= 0.5 * p.grad
    assert float(model(x, t).array) < first * 0.5
    assert float(model.accuracy.array) > 0.9
