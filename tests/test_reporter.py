"""Reporter, report, report_scope, Summary and DictSummary."""
import io
import threading

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import reporter


def test_report_without_reporter_is_noop():
    chainer.report({'x': 1})


def test_scope_and_current_reporter():
    r = chainer.Reporter()
    observation = {}
    with r.scope(observation):
        assert chainer.get_current_reporter() is r
        chainer.report({'x': 1})
    assert observation == {'x': 1}
    assert r.observation == {}


def test_nested_reporters():
    outer, inner = chainer.Reporter(), chainer.Reporter()
    with outer:
        with inner:
            assert chainer.get_current_reporter() is inner
        assert chainer.get_current_reporter() is outer


def test_reporters_are_thread_local():
    r = chainer.Reporter()
    seen = []

    def other_thread():
        try:
            chainer.get_current_reporter()
        except IndexError:
            seen.append('none')

    with r:
        t = threading.Thread(target=other_thread)
        t.start()
        t.join()
    assert seen == ['none']


def test_observers():
    r = chainer.Reporter()
    model = chainer.Chain(l1=chainer.Link())
    r.add_observer('main', model)
    r.add_observers('main', model.namedlinks(skipself=True))
    observation = {}
    with r.scope(observation):
        chainer.report({'loss': 1.0}, model)
        chainer.report({'x': 2}, model.l1)
    assert observation == {'main/loss': 1.0, 'main/l1/x': 2}
    with r:
        with pytest.raises(KeyError, match='not registered'):
            chainer.report({'y': 1}, object())


def test_report_scope():
    r = chainer.Reporter()
    first, second = {}, {}
    with r.scope(first):
        with chainer.report_scope(second):
            chainer.report({'a': 1})
        chainer.report({'b': 2})
    assert first == {'b': 2} and second == {'a': 1}


def test_reported_variable_is_cut_from_graph():
    x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
    y = x * 2
    observation = {}
    with chainer.Reporter().scope(observation):
        chainer.report({'y': y})
    assert observation['y'] is not y
    assert observation['y'].array is y.array
    assert observation['y'].creator is None


def test_keep_graph_on_report():
    y = chainer.Variable(numpy.ones(2, numpy.float32)) * 2
    observation = {}
    with chainer.using_config('keep_graph_on_report', True):
        with chainer.Reporter().scope(observation):
            chainer.report({'y': y})
    assert observation['y'] is y


@hypothesis.given(values=st.lists(st.floats(-100, 100), min_size=1,
                                  max_size=20),
                  weights=st.lists(st.integers(1, 5), min_size=20,
                                   max_size=20))
@hypothesis.settings(max_examples=20, deadline=None)
def test_summary_weighted_statistics(values, weights):
    s = chainer.Summary()
    w = numpy.array(weights[:len(values)], numpy.float64)
    v = numpy.array(values)
    for value, weight in zip(values, w):
        s.add(value, weight=weight)
    mean, std = s.make_statistics()
    expected_mean = (w * v).sum() / w.sum()
    assert numpy.isclose(s.compute_mean(), expected_mean, atol=1e-9)
    assert numpy.isclose(mean, expected_mean, atol=1e-9)
    expected_var = (w * v * v).sum() / w.sum() - expected_mean ** 2
    assert numpy.isclose(std, numpy.sqrt(max(expected_var, 0)), atol=1e-5)


def test_summary_arrays():
    s = chainer.Summary()
    s.add(numpy.array(1.0, numpy.float32))
    s.add(numpy.array(3.0, numpy.float32))
    assert s.compute_mean() == 2.0


def test_dict_summary():
    s = chainer.DictSummary()
    s.add({'a': 1.0, 'b': numpy.array(2.0), 'skip': numpy.ones(3),
           'v': chainer.Variable(numpy.array(4.0, numpy.float32))})
    s.add({'a': 3.0, 'w': (6.0, 2)})
    s.add({'w': (0.0, chainer.Variable(numpy.array(1.0)))})
    mean = s.compute_mean()
    assert mean == {'a': 2.0, 'b': 2.0, 'v': 4.0, 'w': 4.0}
    stats = s.make_statistics()
    assert stats['a'] == 2.0 and stats['a.std'] == 1.0
    with pytest.raises(ValueError, match='was not scalar'):
        s.add({'x': (1.0, numpy.ones(2))})


def test_dict_summary_npz_roundtrip():
    from chainer_lite import serializers
    s = chainer.DictSummary()
    s.add({'a': 1.0, 'b/c': numpy.array(2.0)})
    s.add({'a': 3.0})
    buf = io.BytesIO()
    serializers.save_npz(buf, s)
    buf.seek(0)
    loaded = chainer.DictSummary()
    loaded.add({'stale': 5.0})
    serializers.load_npz(buf, loaded)
    assert loaded.compute_mean() == {'a': 2.0, 'b/c': 2.0}
    loaded.add({'a': 5.0})
    assert loaded.compute_mean()['a'] == 3.0


def test_summary_serialize_missing_values_warns():
    def serializer(key, value):
        raise KeyError(key)
    s = chainer.Summary()
    with pytest.warns(UserWarning, match='previous statistics'):
        s.serialize(serializer)


def test_dict_summary_deserialize_without_names_warns():
    class Missing(object):
        def __call__(self, key, value):
            raise KeyError(key)

        def __getitem__(self, name):
            return self
    s = chainer.DictSummary()
    s.add({'a': 1.0})
    with pytest.warns(UserWarning, match='names of statistics'):
        s.serialize(Missing())
    assert s.compute_mean() == {}


def test_module_names():
    assert chainer.Reporter is reporter.Reporter
    assert chainer.report is reporter.report
    assert chainer.report_scope is reporter.report_scope
    assert chainer.Summary is reporter.Summary
    assert chainer.DictSummary is reporter.DictSummary
    assert chainer.get_current_reporter is reporter.get_current_reporter
