"""A Trainer with a mock updater, for testing extensions."""
import unittest.mock


def is_available():
    """Returns ``True``: the mock library is part of the standard library."""
    return True


def check_available():
    """Does nothing: the mock library is always available."""


def get_error():
    """Returns ``None``: importing the mock library cannot fail."""
    return None


def get_trainer_with_mock_updater(stop_trigger=(10, 'iteration'),
                                  iter_per_epoch=10, extensions=None):
    """Returns a Trainer whose updater is a mock that only counts iterations.

    Each ``update()`` increments ``iteration`` and sets ``epoch``,
    ``epoch_detail``, ``previous_epoch_detail`` and ``is_new_epoch`` as a
    real updater with ``iter_per_epoch`` iterations per epoch would.

    Args:
        stop_trigger: Stop trigger of the trainer.
        iter_per_epoch (int or float): Iterations per epoch.
        extensions (list): Extensions registered to the trainer.

    Returns:
        ~chainer.training.Trainer: The trainer.
    """
    from chainer_lite import training

    if extensions is None:
        extensions = []
    updater = unittest.mock.Mock()
    updater.get_all_optimizers.return_value = {}
    updater.iteration = 0
    updater.epoch = 0
    updater.epoch_detail = 0
    updater.is_new_epoch = True
    updater.previous_epoch_detail = None

    def update():
        updater.update_core()
        updater.iteration += 1
        it = updater.iteration
        updater.epoch = it // iter_per_epoch
        updater.epoch_detail = it / iter_per_epoch
        updater.is_new_epoch = (it - 1) // iter_per_epoch != updater.epoch
        updater.previous_epoch_detail = (it - 1) / iter_per_epoch

    updater.update = update
    return training.Trainer(updater, stop_trigger, extensions=extensions)
