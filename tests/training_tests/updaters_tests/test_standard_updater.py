import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import training
from training_tests import _util


class RecordingSerializer(chainer.Serializer):
    """Records the paths of what is serialized."""

    def __init__(self, path='', record=None):
        self.path = path
        self.record = [] if record is None else record

    def __getitem__(self, key):
        return RecordingSerializer(self.path + key + '/', self.record)

    def __call__(self, key, value):
        self.record.append(self.path + key)
        return value


def _updater(**kwargs):
    trainer = _util.make_trainer('unused', **kwargs)
    return trainer.updater


def test_update_counts_and_epochs():
    updater = _updater(batch_size=6)  # 24 examples: 4 iterations/epoch
    optimizer = updater.get_optimizer('main')
    assert optimizer.use_auto_new_epoch
    for _ in range(4):
        updater.update()
    assert updater.iteration == 4
    assert updater.epoch == 1 and updater.is_new_epoch
    assert updater.epoch_detail == 1.0
    assert updater.previous_epoch_detail == 0.75
    assert optimizer.epoch == 1  # new_epoch(auto=True) was called
    assert optimizer.t == 4


def test_accessors():
    updater = _updater()
    optimizer = updater.get_optimizer('main')
    assert updater.get_all_optimizers() == {'main': optimizer}
    assert updater.get_all_optimizers() is not updater._optimizers
    assert updater.get_iterator('main').batch_size == 6
    assert updater.device is None and updater.input_device is None


def test_serialize_paths():
    updater = _updater()
    updater.update()
    serializer = RecordingSerializer()
    updater.serialize(serializer)
    record = serializer.record
    assert record[-1] == 'iteration'
    assert 'iterator:main/current_position' in record
    assert 'optimizer:main/t' in record
    assert 'model:main/predictor/W' in record


def test_dict_and_custom_converter_and_loss_func():
    calls = []

    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.w = chainer.Parameter(numpy.ones(2, numpy.float32))

        def forward(self, x, t):
            return chainer.functions.sum(self.w * x) - t

    model = Model()
    optimizer = chainer.optimizers.SGD(lr=0.5).setup(model)
    data = [{'x': numpy.ones(2, numpy.float32), 't': numpy.float32(1)}] * 2
    iterator = chainer.iterators.SerialIterator(data, 2, shuffle=False)

    def loss_func(x, t):
        calls.append((x.shape, t.shape))
        return model(x[0], t[0])

    updater = training.updaters.StandardUpdater(
        iterator, optimizer, loss_func=loss_func)
    updater.update()
    assert calls == [((2, 2), (2,))]
    numpy.testing.assert_allclose(model.w.array, [0.5, 0.5])


def test_device_argument_sends_model():
    updater = _updater()
    model = updater.get_optimizer('main').target
    updater2 = training.updaters.StandardUpdater(
        updater.get_iterator('main'), updater.get_optimizer('main'),
        device='@numpy')
    assert updater2.device == chainer.get_device('@numpy')
    assert updater2.input_device == updater2.device
    assert model.device == chainer.get_device('@numpy')


def test_loss_scale_is_set():
    updater = _updater()
    updater2 = training.updaters.StandardUpdater(
        updater.get_iterator('main'), updater.get_optimizer('main'),
        loss_scale=8.)
    assert updater2.get_optimizer('main')._loss_scale == 8.


def test_parallel_updater_on_cpu_matches_sum_of_halves():
    # Two model copies on the CPU each take half of a batch; the main model
    # is updated with the sum of their gradients and the copy follows it.
    numpy.random.seed(0)
    model = chainer.links.Classifier(chainer.links.Linear(3, 2))
    reference = model.copy(mode='copy')
    optimizer = chainer.optimizers.SGD(lr=0.1).setup(model)
    data = _util.make_dataset(8)
    iterator = chainer.iterators.SerialIterator(data, 8, shuffle=False)
    updater = training.updaters.ParallelUpdater(
        iterator, optimizer, devices={'main': '@numpy', 'second': '@numpy'})
    updater.update()

    x, t = chainer.dataset.concat_examples(list(data))
    reference.cleargrads()
    (reference(x[0::2], t[0::2]) + reference(x[1::2], t[1::2])).backward()
    expected = reference.predictor.W.array - 0.1 * reference.predictor.W.grad
    numpy.testing.assert_allclose(model.predictor.W.array, expected,
                                  rtol=1e-6)
    second = updater._models['second']
    numpy.testing.assert_array_equal(second.predictor.W.array,
                                     model.predictor.W.array)


def test_parallel_updater_needs_devices():
    updater = _updater()
    with pytest.raises(ValueError, match='either models or devices'):
        training.updaters.ParallelUpdater(
            updater.get_iterator('main'), updater.get_optimizer('main'))
    with pytest.raises(KeyError, match="'main' key"):
        training.updaters.ParallelUpdater(
            updater.get_iterator('main'), updater.get_optimizer('main'),
            devices={'a': '@numpy'})


def test_multiprocess_parallel_updater_needs_nccl():
    from chainer_lite.training.updaters import multiprocess_parallel_updater
    updater = _updater()
    if training.updaters.MultiprocessParallelUpdater.available():
        pytest.skip('NCCL is available here')
    with pytest.raises(Exception, match='requires NCCL'):
        training.updaters.MultiprocessParallelUpdater(
            [updater.get_iterator('main')], updater.get_optimizer('main'),
            devices=[0])
    model = updater.get_optimizer('main').target
    with pytest.raises(RuntimeError, match='only on GPU'):
        multiprocess_parallel_updater.gather_grads(model)
    with pytest.raises(RuntimeError, match='only on GPU'):
        multiprocess_parallel_updater.gather_params(model)
    assert multiprocess_parallel_updater.size_num_grads(model) == (8, 2)


@pytest.mark.gpu
def test_gather_scatter_roundtrip_gpu():
    from chainer_lite.training.updaters import multiprocess_parallel_updater \
        as mpu
    numpy.random.seed(0)
    model = chainer.links.Classifier(chainer.links.Linear(3, 2))
    other = model.copy(mode='copy')
    model.to_device('@cupy:0')
    other.to_device('@cupy:0')
    x, t = chainer.dataset.concat_examples(list(_util.make_dataset(4)),
                                           '@cupy:0')
    model.cleargrads()
    model(x, t).backward()
    other.cleargrads()
    mpu.scatter_grads(other, mpu.gather_grads(model))
    mpu.scatter_params(other, mpu.gather_params(model) * 2)
    numpy.testing.assert_allclose(
        chainer.backends.cuda.to_cpu(other.predictor.W.grad),
        chainer.backends.cuda.to_cpu(model.predictor.W.grad))
    numpy.testing.assert_allclose(
        chainer.backends.cuda.to_cpu(other.predictor.W.array),
        2 * chainer.backends.cuda.to_cpu(model.predictor.W.array))
