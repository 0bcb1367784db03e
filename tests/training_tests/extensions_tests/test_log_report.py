import json
import os

import pytest

from chainer_lite import testing
from chainer_lite.training import extensions


def _observing_trainer(out, n=6, iter_per_epoch=3):
    trainer = testing.get_trainer_with_mock_updater(
        (n, 'iteration'), iter_per_epoch=iter_per_epoch)
    trainer.out = str(out)

    def observe(t):
        t.observation['loss'] = float(t.updater.iteration)
        t.observation['image'] = [1, 2]  # not a scalar: not logged

    trainer.extend(observe, priority=300)
    return trainer


def test_log_file_is_chainers_json(tmp_path):
    trainer = _observing_trainer(tmp_path)
    log_report = extensions.LogReport()
    trainer.extend(log_report)
    trainer.run()

    with open(os.path.join(str(tmp_path), 'log')) as f:
        text = f.read()
    entries = json.loads(text)
    # Mean of the iterations of each epoch, then epoch/iteration/time.
    assert [(e['loss'], e['epoch'], e['iteration']) for e in entries] == \
        [(2.0, 1, 3), (5.0, 2, 6)]
    assert list(entries[0]) == ['loss', 'epoch', 'iteration', 'elapsed_time']
    assert text == json.dumps(entries, indent=4)
    assert text.startswith('[\n    {\n        "loss": 2.0,\n')
    assert log_report.log == entries
    # Nothing temporary is left behind.
    assert sorted(os.listdir(str(tmp_path))) == ['log']


def test_keys_trigger_postprocess_and_filename(tmp_path):
    trainer = _observing_trainer(tmp_path, n=4, iter_per_epoch=10)

    def postprocess(entry):
        entry['double'] = entry['loss'] * 2

    trainer.extend(extensions.LogReport(
        keys=['loss', 'missing'], trigger=(2, 'iteration'),
        postprocess=postprocess, filename='log_{iteration}'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == ['log_2', 'log_4']
    with open(os.path.join(str(tmp_path), 'log_4')) as f:
        entries = json.load(f)
    assert [(e['loss'], e['double']) for e in entries] == \
        [(1.5, 3.0), (3.5, 7.0)]


def test_no_file_and_log_name_alias(tmp_path):
    trainer = _observing_trainer(tmp_path)
    trainer.extend(extensions.LogReport(log_name=None))
    trainer.run()
    assert os.listdir(str(tmp_path)) == []


def test_before_training_entry(tmp_path):
    trainer = _observing_trainer(tmp_path, n=3)
    log_report = extensions.LogReport()
    trainer.extend(log_report, call_before_training=True)
    trainer.run()
    assert [e['iteration'] for e in log_report.log] == [0, 3]


def test_serialization_keeps_log_and_partial_summary(tmp_path):
    trainer = _observing_trainer(tmp_path, n=4)
    log_report = extensions.LogReport()
    trainer.extend(log_report)
    trainer.run()  # one entry (epoch 1) and iteration 4 accumulated

    restored = extensions.LogReport()
    testing.save_and_load_npz(log_report, restored)
    assert restored.log == log_report.log
    assert restored._summary.compute_mean() == {'loss': 4.0}


def test_unexpected_kwarg():
    with pytest.raises(TypeError):
        extensions.LogReport(foo=1)
