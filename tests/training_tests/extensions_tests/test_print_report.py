import io

import pytest

from chainer_lite import testing
from chainer_lite.training import extensions


def _run(entries, observe, n=4, iter_per_epoch=2, log_report='LogReport'):
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater(
        (n, 'iteration'), iter_per_epoch=iter_per_epoch)
    trainer.extend(observe, priority=300)
    if log_report == 'LogReport':
        trainer.extend(extensions.LogReport(log_name=None))
    trainer.extend(extensions.PrintReport(entries, log_report=log_report,
                                          out=out))
    trainer.run()
    return out.getvalue()


def test_table_text():
    def observe(t):
        t.observation['main/loss'] = 1.0 / t.updater.iteration

    text = _run(['epoch', 'iteration', 'main/loss', 'validation/main/loss'],
                observe)
    assert text == (
        'epoch       iteration   main/loss   validation/main/loss\n'
        '\033[J1           2           0.75                              \n'
        '\033[J2           4           0.291667                          \n')


def test_own_log_report_instance():
    def observe(t):
        t.observation['x'] = 123456789.0

    text = _run(['x'], observe, n=2,
                log_report=extensions.LogReport(log_name=None))
    assert text == 'x         \n\033[J1.23457e+08  \n'


def test_wrong_log_report_type():
    with pytest.raises(TypeError, match='wrong type'):
        _run(['x'], lambda t: None, log_report=3)
