"""The standard updater: one iterator, one optimizer, one update a step."""
import warnings

import chainer_lite
from chainer_lite import device_resident
from chainer_lite.backends import cuda
from chainer_lite.dataset import convert
from chainer_lite.dataset import iterator as iterator_module
from chainer_lite.training import _updater
from chainer_lite.utils import argument


_GPU_TO_GPU_SKIPPED = (
    'Transfer between @cupy devices was detected and skipped. '
    'StandardUpdater normally transfers the model to the specified device, '
    'but except for between @cupy devices. '
    'That is, if a part of the model is on @cupy:n device and the specified '
    'device is @cupy:m device, that part of the model will be left in '
    '@cupy:n device. This behavior is planned to be changed in near future. '
    'After that, the model will be transferred to the specified device '
    'regardless of device combination. '
    'If you want to keep the model device but only want to transfer the '
    'input data to a given device, specify the \'input_device\' argument '
    'instead and leave the \'device\' argument unspecified.\n')


def _from_main_iterator(attribute, doc):
    # A read-only property forwarding to the 'main' iterator.
    def get(self):
        return getattr(self._iterators['main'], attribute)
    return property(get, doc=doc)


class StandardUpdater(_updater.Updater):
    """StandardUpdater(iterator, optimizer, \
converter=convert.concat_examples, device=None, loss_func=None, \
loss_scale=None, auto_new_epoch=True, *, input_device=None)

    Updater fetching a batch, converting it and updating with it.

    Each :meth:`update` takes the next batch of the ``'main'`` iterator,
    converts it with ``converter`` (sending it to ``input_device``) and
    calls ``optimizer.update(loss_func, *arrays)`` of the ``'main'``
    optimizer (a dict batch is passed as keyword arguments, anything else
    as one argument). Override :meth:`update_core` for other schemes.

    Args:
        iterator: Training iterator, or a dict of them (the one used is
            ``'main'``).
        optimizer: Optimizer, or a dict of them (``'main'`` is updated).
        converter: Batch converter;
            :func:`~chainer.dataset.concat_examples` by default.
        device: Device the models are sent to (``None`` leaves them).
        loss_func: Loss function; the main optimizer's target by default.
        loss_scale (float): Loss scaling factor for the optimizers.
        auto_new_epoch (bool): Call ``optimizer.new_epoch(auto=True)`` when
            the main iterator starts a new epoch.
        input_device: Device the batches are sent to; ``device`` by default.

    Attributes:
        converter: The converter.
        loss_func: The loss function (``None``: the main target).
        iteration (int): Number of completed updates.
        auto_new_epoch (bool): See above.
    """

    def __init__(self, iterator, optimizer, converter=convert.concat_examples,
                 device=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True, **kwargs):
        input_device, = argument.parse_kwargs(
            kwargs, ('input_device', None))

        if device is not None:
            device = chainer_lite.get_device(device)
        if input_device is None:
            input_device = device
        else:
            input_device = chainer_lite.get_device(input_device)

        if isinstance(iterator, iterator_module.Iterator):
            iterator = {'main': iterator}
        self._iterators = iterator

        if not isinstance(optimizer, dict):
            optimizer = {'main': optimizer}
        self._optimizers = optimizer

        if device is not None:
            for opt in self._optimizers.values():
                _send_model(opt.target, device)

        self.converter = converter
        self.loss_func = loss_func
        self.iteration = 0
        self._device = device
        self._input_device = input_device

        self.loss_scale = loss_scale
        if loss_scale is not None:
            for opt in self._optimizers.values():
                opt.set_loss_scale(loss_scale)

        self.auto_new_epoch = auto_new_epoch
        if auto_new_epoch:
            for opt in self._optimizers.values():
                opt.use_auto_new_epoch = True

    @property
    def device(self):
        """Device the models were sent to (``None`` if not given)."""
        return self._device

    @property
    def input_device(self):
        """Device the batches are sent to."""
        return self._input_device

    epoch = _from_main_iterator(
        'epoch', 'Epoch count of the main iterator.')
    epoch_detail = _from_main_iterator(
        'epoch_detail', 'Fractional epoch count of the main iterator.')
    previous_epoch_detail = _from_main_iterator(
        'previous_epoch_detail',
        "The main iterator's ``epoch_detail`` before its last batch.")
    is_new_epoch = _from_main_iterator(
        'is_new_epoch',
        "Whether the main iterator's last batch started a new epoch.")

    def finalize(self):
        """Finalizes every iterator."""
        for iterator in self._iterators.values():
            iterator.finalize()

    def get_optimizer(self, name):
        """Returns the optimizer registered under ``name``."""
        return self._optimizers[name]

    def get_all_optimizers(self):
        """Returns a new dict mapping names to optimizers."""
        return dict(self._optimizers)

    def get_iterator(self, name):
        """Returns the iterator registered under ``name``."""
        return self._iterators[name]

    def update(self):
        """Runs :meth:`update_core` and counts the iteration."""
        self.update_core()
        self.iteration += 1

    def update_core(self):
        iterator = self._iterators['main']
        batch = iterator.next()
        in_arrays = convert._call_converter(
            self.converter, batch, self.input_device)

        optimizer = self._optimizers['main']
        loss_func = self.loss_func or optimizer.target
        convert._call_with_batch(optimizer.update, in_arrays, loss_func)

        if self.auto_new_epoch and iterator.is_new_epoch:
            optimizer.new_epoch(auto=True)

    def serialize(self, serializer):
        """Serializes the iterators (``iterator:<name>``), the optimizers
        (``optimizer:<name>``), their targets (``model:<name>``) and the
        iteration count."""
        for name, iterator in self._iterators.items():
            iterator.serialize(serializer['iterator:' + name])
        for name, optimizer in self._optimizers.items():
            for key, obj in (('optimizer:', optimizer),
                             ('model:', optimizer.target)):
                obj.serialize(serializer[key + name])
        self.iteration = serializer('iteration', self.iteration)


def _send_model(model, device):
    # Sends a model to ``device``. Between two GPUs Chainer 7 leaves the
    # model where it is (the to_gpu semantics) and warns that this will
    # change; other transfers use to_device.
    if device.xp is not cuda.cupy:
        model.to_device(device)
        return
    thread_local = device_resident._thread_local
    try:
        thread_local.flag_gpu_to_gpu = False
        with warnings.catch_warnings():
            warnings.filterwarnings(
                'ignore', message='to_gpu is deprecated.',
                category=DeprecationWarning)
            model.to_gpu(device.device.id)
        skipped = thread_local.flag_gpu_to_gpu
    finally:
        thread_local.flag_gpu_to_gpu = None
    if skipped:
        warnings.warn(_GPU_TO_GPU_SKIPPED, FutureWarning)
