"""Data-parallel updater over several devices in one process."""
import copy

import chainer_lite
from chainer_lite import function
from chainer_lite.dataset import convert
from chainer_lite.training.updaters import standard_updater


class ParallelUpdater(standard_updater.StandardUpdater):
    """Updater splitting each batch over several model copies.

    Synchronous data parallelism: each batch is split into one sub-batch per
    model (``batch[i::n]``), each copy computes its loss and gradients on
    its device, the gradients are summed into the main model, the main
    optimizer updates it and the copies take its parameters back. Any
    devices work (several GPUs, or the CPU for testing).

    Args:
        iterator: Training iterator, or a dict of them.
        optimizer: Optimizer, or a dict of them; the ``'main'`` one's
            target is the main model.
        converter: Batch converter, called once per sub-batch with that
            model's device.
        models (dict): Models by name; ``'main'`` must be the main
            optimizer's target. Made by copying the main model when omitted.
        devices (dict): Devices by name, the same keys as ``models`` and
            containing ``'main'``.
        loss_func: Loss function; each model itself by default.
        loss_scale (float): Loss scaling factor.
        auto_new_epoch (bool): Call ``optimizer.new_epoch(auto=True)`` on a
            new epoch.
    """

    def __init__(self, iterator, optimizer,
                 converter=convert.concat_examples, models=None,
                 devices=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True):
        super().__init__(
            iterator=iterator,
            optimizer=optimizer,
            converter=converter,
            loss_func=loss_func,
            loss_scale=loss_scale,
            auto_new_epoch=auto_new_epoch,
        )

        if models is None:
            if devices is None:
                raise ValueError('either models or devices must be specified')
            if 'main' not in devices:
                raise KeyError('\'devices\' must contain a \'main\' key.')
            models = {'main': optimizer.target}
            for name in devices:
                if name == 'main':
                    continue
                model = copy.deepcopy(optimizer.target)
                model.to_device(devices[name])
                models[name] = model
            optimizer.target.to_device(devices['main'])

        self._devices = devices
        self._models = models

    def connect_trainer(self, trainer):
        # The main model is an observer already; add the copies.
        model_main = self.get_optimizer('main').target
        for name, model in self._models.items():
            if model is not model_main:
                trainer.reporter.add_observer(name, model)

    def update_core(self):
        optimizer = self.get_optimizer('main')
        model_main = optimizer.target
        models_others = [model for model in self._models.values()
                         if model is not model_main]

        iterator = self.get_iterator('main')
        batch = iterator.next()

        n = len(self._models)
        in_arrays_by_model = {
            key: self.converter(batch[i::n], self._devices[key])
            for i, key in enumerate(self._models)}

        for model in self._models.values():
            model.cleargrads()

        losses = []
        for key, model in self._models.items():
            in_arrays = in_arrays_by_model[key]
            loss_func = self.loss_func or model
            with function.force_backprop_mode():
                with chainer_lite.using_device(self._devices[key]):
                    loss = convert._call_with_batch(loss_func, in_arrays)
            losses.append(loss)

        # Parameters initialized lazily in the forward pass need clearing
        # again before gradients are accumulated into them.
        for model in self._models.values():
            model.cleargrads()

        for loss in losses:
            loss.backward(loss_scale=self.loss_scale)

        for model in models_others:
            model_main.addgrads(model)

        optimizer.update()

        for model in models_others:
            model.copyparams(model_main)

        if self.auto_new_epoch and iterator.is_new_epoch:
            optimizer.new_epoch(auto=True)
