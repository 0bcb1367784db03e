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
    def _observe_value(trainer):
        value = target_func(trainer)
        trainer.observation[observation_key] = value

    # Writers run before the readers (e.g. LogReport) of the same call.
    decorate = extension.make_extension(
        trigger=(1, 'epoch'), priority=extension.PRIORITY_WRITER)
    return decorate(_observe_value)


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
    def current_lr(trainer):
        return trainer.updater.get_optimizer(optimizer_name).lr

    return observe_value(observation_key, current_lr)
