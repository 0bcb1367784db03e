import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import configuration
from chainer_lite import training
from chainer_lite.training import extensions
from training_tests import _util


class Probe(chainer.Chain):
    """Reports the mean of its input and records the mode it ran in."""

    def __init__(self):
        super(Probe, self).__init__()
        self.modes = []

    def forward(self, x):
        self.modes.append((configuration.config.train,
                           configuration.config.enable_backprop))
        chainer.report({'mean': x.mean()}, self)


def _iterator(values, batch_size=2):
    data = [numpy.array([v], numpy.float32) for v in values]
    return chainer.iterators.SerialIterator(
        data, batch_size, repeat=False, shuffle=False)


def test_reports_means_under_its_name():
    model = Probe()
    evaluator = extensions.Evaluator(_iterator([1, 3, 5, 7]), model)
    evaluator.name = 'validation'
    reporter = chainer.Reporter()
    with reporter:
        result = evaluator()
    assert result == {'validation/main/mean': 4.0}
    assert reporter.observation == result
    assert model.modes == [(False, False), (False, False)]


def test_can_run_twice_and_eval_hook():
    hooks = []
    model = Probe()
    evaluator = extensions.Evaluator(
        _iterator([1, 2, 3]), {'m': model}, eval_func=model,
        eval_hook=hooks.append)
    # Batches [1, 2] and [3]: the mean of the batch means.
    assert evaluator() == evaluator() == {'m/mean': 2.25}
    assert hooks == [evaluator, evaluator]
    assert evaluator.get_target('m') is model
    assert list(evaluator.get_all_targets()) == ['m']
    assert list(evaluator.get_all_iterators()) == ['main']


def test_warns_on_repeating_iterator():
    it = chainer.iterators.SerialIterator([1, 2], 1)
    with pytest.warns(UserWarning, match='repeat'):
        extensions.Evaluator(it, Probe())


def test_defaults():
    assert extensions.Evaluator.trigger == (1, 'epoch')
    assert extensions.Evaluator.priority == training.PRIORITY_WRITER
    assert extensions.Evaluator.default_name == 'validation'


def test_in_trainer(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(2, 'epoch'))
    model = trainer.updater.get_optimizer('main').target
    test = _util.make_dataset(10, seed=3)
    trainer.extend(extensions.Evaluator(
        chainer.iterators.SerialIterator(test, 4, repeat=False,
                                         shuffle=False), model))
    log = extensions.LogReport(log_name=None)
    trainer.extend(log)
    trainer.run()
    assert set(log.log[-1]) >= {'validation/main/loss',
                                'validation/main/accuracy'}


def test_progress_bar_smoke(capsys):
    model = Probe()
    evaluator = extensions.Evaluator(
        _iterator([1, 2, 3, 4]), model, progress_bar=True)
    evaluator()
    assert 'validation [' in capsys.readouterr().out


def test_progress_bar_needs_position():
    class Plain(chainer.dataset.Iterator):
        def __next__(self):
            raise StopIteration

        def reset(self):
            pass

    evaluator = extensions.Evaluator(Plain(), Probe(), progress_bar=True)
    with pytest.raises(TypeError, match='current_position'):
        evaluator.evaluate()


def test_old_style_converter_gets_device_id():
    received = []

    def converter(batch, device):
        received.append(device)
        return chainer.dataset.concat_examples(batch)

    extensions.Evaluator(_iterator([1, 2]), Probe(), converter=converter,
                         device='@numpy')()
    assert received == [-1]
