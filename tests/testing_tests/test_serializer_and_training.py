"""testing.save_and_load* and get_trainer_with_mock_updater."""
import json

import pytest

from chainer_lite import testing


class _Value(object):

    def __init__(self, value):
        self.value = value

    def serialize(self, serializer):
        self.value = serializer('value', self.value)


def test_save_and_load_with_custom_saver_and_loader():
    def saver(path, obj):
        with open(path, 'w') as f:
            json.dump(obj.value, f)

    def loader(path, obj):
        with open(path) as f:
            obj.value = json.load(f)

    dst = _Value(2)
    testing.save_and_load(_Value([1, 2]), dst, 'tmp.json', saver, loader)
    assert dst.value == [1, 2]


def test_save_and_load_npz():
    pytest.importorskip('chainer_lite.serializers')
    dst = _Value(2)
    testing.save_and_load_npz(_Value(1), dst)
    assert dst.value == 1


@pytest.mark.parametrize('iter_per_epoch', [0.5, 1, 3])
def test_trainer_with_mock_updater_counts_iterations(iter_per_epoch):
    pytest.importorskip('chainer_lite.training')
    trainer = testing.get_trainer_with_mock_updater(
        (4, 'iteration'), iter_per_epoch)
    seen = []
    trainer.extend(lambda t: seen.append(
        (t.updater.iteration, t.updater.epoch_detail)))
    trainer.run()
    assert seen == [(i, i / iter_per_epoch) for i in range(1, 5)]
