import warnings

import pytest

from chainer_lite import iterators
from chainer_lite.iterators import dali_iterator


def test_clear_error_without_dali(monkeypatch):
    def missing():
        raise RuntimeError('DaliIterator requires NVIDIA DALI')

    monkeypatch.setattr(dali_iterator, '_check_dali_available', missing)
    with pytest.raises(RuntimeError, match='NVIDIA DALI'):
        iterators.DaliIterator(object())


def test_error_message_names_alternatives():
    try:
        dali_iterator._check_dali_available()
    except RuntimeError as e:
        assert 'SerialIterator' in str(e)
    else:
        pytest.skip('nvidia.dali is installed')


class _FakePipeline(object):
    batch_size = 4

    def __init__(self):
        self.built = 0
        self.runs = 0

    def build(self):
        self.built += 1

    def epoch_size(self):
        return {'reader': 10}

    def run(self):
        self.runs += 1
        return self.runs


@pytest.mark.parametrize('repeat', [True, False])
def test_bookkeeping_with_a_pipeline(monkeypatch, repeat):
    monkeypatch.setattr(dali_iterator, '_check_dali_available', lambda: None)
    pipeline = _FakePipeline()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', FutureWarning)
        it = iterators.DaliIterator(pipeline, repeat=repeat)
    assert it.previous_epoch_detail is None
    assert [it.next(), it.next()] == [1, 2]
    assert pipeline.built == 1
    assert it.epoch_detail == pytest.approx(0.8)
    assert it.next() == 3
    assert it.is_new_epoch and it.epoch == 1
    assert it.current_position == (2 if repeat else 0)
    if repeat:
        assert it.next() == 4
    else:
        with pytest.raises(StopIteration):
            it.next()

    stored = {}
    it.serialize(lambda key, value: stored.setdefault(key, value))
    assert sorted(stored) == ['current_position', 'epoch', 'is_new_epoch',
                              'previous_epoch_detail']
