"""Extensions recording a value (e.g. the learning rate) in the observation."""
from chainer_lite.training import extension


def observe_value(observation_key, target_func):
    """Returns an extension storing ``target_func(trainer)`` in the
    observation.

    It runs once per epoch by default, with ``PRIORITY_WRITER`` (before the
    readers such as :class:`LogReport`).

    Args:
        observation_key (str): Key to store the value under.
        target_func: Function taking the trainer and returning the value.

    Returns:
        The extension.
    """
    @extension.make_extension(
        trigger=(1, 'epoch'), priority=extension.PRIORITY_WRITER)
    def _observe_value(trainer):
        trainer.observation[observation_key] = target_func(trainer)
    return _observe_value


def observe_lr(optimizer_name='main', observation_key='lr'):
    """Returns an extension recording an optimizer's learning rate.

    Args:
        optimizer_name (str): Name of the optimizer in the updater.
        observation_key (str): Key to store the value under.

    Returns:
        The extension (see :func:`observe_value`).

    Example:

        >>> from chainer.training import extensions
        >>> ext = extensions.observe_lr()
        >>> ext.trigger
        (1, 'epoch')
    """
    return observe_value(
        observation_key,
        lambda trainer: trainer.updater.get_optimizer(optimizer_name).lr)
