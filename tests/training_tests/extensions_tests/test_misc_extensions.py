import os

import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import configuration
from chainer_lite import testing
from chainer_lite.training import extensions
from training_tests import _util


@pytest.mark.filterwarnings('ignore::RuntimeWarning')
def test_fail_on_nonnumber(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(2, 'iteration'))
    trainer.extend(extensions.FailOnNonNumber())
    trainer.run()  # finite: nothing happens

    trainer = _util.make_trainer(str(tmp_path), stop=(2, 'iteration'))
    model = trainer.updater.get_optimizer('main').target
    model.predictor.W.array[0, 0] = numpy.inf
    trainer.extend(extensions.FailOnNonNumber())
    with pytest.raises(RuntimeError, match="optimizer 'main' diverge"):
        trainer.run(show_loop_exception_msg=False)


def test_micro_average():
    trainer = testing.get_trainer_with_mock_updater(
        (4, 'iteration'), iter_per_epoch=2)
    batches = iter([(1, 2), (3, 4), (0, 1), (1, 1)])

    def observe(t):
        correct, total = next(batches)
        chainer.report({'correct': correct, 'total': total})

    results = []
    trainer.extend(observe, priority=300)
    trainer.extend(extensions.MicroAverage('correct', 'total', 'accuracy'))
    trainer.extend(lambda t: results.append(t.observation.get('accuracy')),
                   priority=100)
    trainer.run()
    assert results == [None, 4 / 6, None, 1 / 2]


def test_parameter_statistics(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(1, 'epoch'))
    model = trainer.updater.get_optimizer('main').target
    seen = {}
    trainer.extend(extensions.ParameterStatistics(
        model.predictor, prefix='stats', skip_nan_params=True,
        trigger=(1, 'iteration')))
    trainer.extend(lambda t: seen.update(t.observation))
    trainer.run()
    assert 'stats/predictor/W/data/mean' in seen
    assert 'stats/predictor/b/grad/percentile/6' in seen
    assert len([k for k in seen if k.startswith('stats/')]) == 2 * 2 * 12
    numpy.testing.assert_allclose(
        seen['stats/predictor/W/data/max'], model.predictor.W.array.max())


def test_parameter_statistics_custom_and_nan():
    link = chainer.links.Linear(2, 2)  # gradients are NaN until computed
    ext = extensions.ParameterStatistics(
        link, statistics={'one': lambda x: 1.}, skip_nan_params=True,
        trigger=(1, 'iteration'))
    ext.register_statistics('sum', lambda x: x.sum())
    trainer = testing.get_trainer_with_mock_updater()
    trainer.updater.update()
    with chainer.Reporter().scope(trainer.observation):
        ext(trainer)
    assert trainer.observation['None/W/data/one'] == 1.
    assert numpy.isnan(trainer.observation['None/W/grad/sum'])


def test_unchain_variables():
    x = chainer.Variable(numpy.ones(2, numpy.float32))
    y = x * 2
    trainer = testing.get_trainer_with_mock_updater()
    trainer.observation = {'y': y, 'n': 1}
    ext = extensions.unchain_variables()
    with chainer.using_config('keep_graph_on_report', True):
        ext.initialize(trainer)
        assert ext.trigger(trainer)
    # Fires once more for the iteration that ran with the flag on.
    assert ext.trigger(trainer)
    assert not ext.trigger(trainer)
    ext(trainer)
    assert y.creator is None
    assert ext.priority == 0


def test_dump_graph(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(3, 'iteration'))
    flags = []
    trainer.extend(lambda t: flags.append(
        configuration.config.keep_graph_on_report), priority=500)
    trainer.extend(extensions.DumpGraph('main/loss', filename='g.dot'))
    with chainer.using_config('keep_graph_on_report', False):
        trainer.run()
        assert not configuration.config.keep_graph_on_report
    assert flags == [True, False, False]
    with open(os.path.join(str(tmp_path), 'g.dot')) as f:
        dot = f.read()
    assert dot.startswith('digraph graphname{rankdir=TB;')
    assert 'SoftmaxCrossEntropy' in dot and 'LinearFunction' in dot
    assert extensions.dump_graph is extensions.DumpGraph


def test_dump_graph_needs_variable(tmp_path):
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    trainer.out = str(tmp_path)
    trainer.extend(lambda t: t.observation.update(x=1.0), priority=500)
    trainer.extend(extensions.DumpGraph('x'))
    with pytest.raises(TypeError, match='not a Variable'):
        trainer.run(show_loop_exception_msg=False)


def _is_png(path):
    with open(path, 'rb') as f:
        return f.read(8) == b'\x89PNG\r\n\x1a\n'


def test_plot_report(tmp_path):
    pytest.importorskip('matplotlib')
    import matplotlib
    matplotlib.use('Agg')
    trainer = _util.make_trainer(str(tmp_path), stop=(3, 'epoch'))
    plot = extensions.PlotReport(['main/loss', 'main/accuracy'], 'epoch',
                                 filename='loss.png')
    trainer.extend(plot)
    trainer.run()
    assert _is_png(os.path.join(str(tmp_path), 'loss.png'))
    assert [x for x, _ in plot._data['main/loss']] == [1, 2, 3]

    restored = extensions.PlotReport(['main/loss', 'main/accuracy'],
                                     'epoch', filename='loss.png')
    testing.save_and_load_npz(plot, restored)
    assert restored._data == {k: [list(p) for p in v]
                              for k, v in plot._data.items()}


def test_plot_report_without_matplotlib(monkeypatch):
    from chainer_lite.training.extensions import _matplotlib
    monkeypatch.setitem(_matplotlib._cache, 'ok', False)
    with pytest.warns(UserWarning, match='matplotlib is not installed'):
        assert not extensions.PlotReport.available()


def test_variable_statistics_plot(tmp_path):
    pytest.importorskip('matplotlib')
    import matplotlib
    matplotlib.use('Agg')
    trainer = _util.make_trainer(str(tmp_path), stop=(3, 'iteration'))
    model = trainer.updater.get_optimizer('main').target
    trainer.extend(extensions.VariableStatisticsPlot(
        model, trigger=(3, 'iteration'), filename='stats.png'),
        trigger=(1, 'iteration'))
    trainer.run()
    assert _is_png(os.path.join(str(tmp_path), 'stats.png'))
    with pytest.raises(ValueError, match='at least one'):
        extensions.VariableStatisticsPlot([])
    with pytest.raises(ValueError, match='Nothing to plot'):
        extensions.VariableStatisticsPlot(
            model, plot_mean=False, plot_std=False, percentile_sigmas=())


def test_reservoir_keeps_sorted_sample():
    from chainer_lite.training.extensions import variable_statistics_plot
    numpy.random.seed(0)
    reservoir = variable_statistics_plot.Reservoir(3, (2,))
    for i in range(10):
        reservoir.add(numpy.full(2, i), idx=i)
    idxs, data = reservoir.get_data()
    assert len(idxs) == 3 and list(idxs) == sorted(idxs)
    numpy.testing.assert_array_equal(data[:, 0], idxs)
