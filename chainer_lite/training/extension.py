"""Trainer extensions: the base class, the decorator and the priorities."""
from chainer_lite.utils import argument


PRIORITY_WRITER = 300
PRIORITY_EDITOR = 200
PRIORITY_READER = 100

_REMOVED_INVOKE_BEFORE_TRAINING = (
    'invoke_before_training has been removed since Chainer v2.0.0. '
    'Use initializer= instead.')


class Extension(object):
    """Base class of trainer extensions.

    An extension is a callable taking the :class:`~chainer.training.Trainer`.
    The trainer calls it after an update whenever its trigger fires, in
    descending order of priority. Besides subclassing this class, an
    extension can be a function decorated by :func:`make_extension` or any
    callable (the defaults below then apply unless given to
    :meth:`Trainer.extend`).

    Attributes:
        trigger: Default trigger, ``(1, 'iteration')``.
        priority: Default priority, :data:`PRIORITY_READER`.
        name: Name given when registered to a trainer (``None`` before).
    """

    trigger = 1, 'iteration'
    priority = PRIORITY_READER
    name = None

    @property
    def default_name(self):
        """Name used when none is given: the class name by default."""
        return type(self).__name__

    def __call__(self, trainer):
        """Runs the extension; subclasses must override it.

        Args:
            trainer (~chainer.training.Trainer): The calling trainer.
        """
        raise NotImplementedError(
            'Extension implementation must override __call__.')

    def __getattr__(self, name):
        # Only reached for missing attributes: explain the one that old code
        # still asks for.
        if name == 'invoke_before_training':
            raise AttributeError(
                'invoke_before_training has been removed since Chainer '
                'v2.0.0. Use Extension.initialize instead.')
        raise AttributeError('{} object has no attribute {}'.format(
            type(self).__name__, name))

    def finalize(self):
        """Called once at the end of the training loop."""

    def initialize(self, trainer):
        """Called before the training loop starts (also after a resume).

        An extension that changes the trainer's state (e.g. an optimizer
        hyperparameter) sets it up here, restoring it when it was loaded
        from a snapshot.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
        """

    def on_error(self, trainer, exc, tb):
        """Called when the training loop raised, before finalization.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
            exc (Exception): The exception raised.
            tb: Its traceback.
        """

    def serialize(self, serializer):
        """Serializes the extension's state (nothing by default)."""


def make_extension(trigger=None, default_name=None, priority=None,
                   finalizer=None, initializer=None, on_error=None,
                   **kwargs):
    """Decorator turning a function into a trainer extension.

    It sets the extension attributes (``trigger``, ``default_name``,
    ``priority``, ``finalize``, ``initialize``, ``on_error``) on the function.

    Args:
        trigger: Default trigger; ``(1, 'iteration')`` if ``None``.
        default_name (str): Default name; the function's name if ``None``.
        priority (int): Default priority; :data:`PRIORITY_READER` if
            ``None``.
        finalizer: Called at the end of the training loop.
        initializer: Called with the trainer before the training loop.
        on_error: Called with ``(trainer, exc, tb)`` when the loop raises.

    Returns:
        The decorator.

    Example:

        >>> from chainer import training
        >>> @training.make_extension(trigger=(1, 'epoch'))
        ... def show_epoch(trainer):
        ...     print(trainer.updater.epoch)
        >>> show_epoch.trigger, show_epoch.priority
        ((1, 'epoch'), 100)
    """
    if kwargs:
        argument.check_unexpected_kwargs(
            kwargs, invoke_before_training=_REMOVED_INVOKE_BEFORE_TRAINING)
        argument.assert_kwargs_empty(kwargs)

    if trigger is None:
        trigger = Extension.trigger
    if priority is None:
        priority = Extension.priority

    def decorator(ext):
        ext.trigger = trigger
        ext.default_name = default_name or ext.__name__
        ext.priority = priority
        ext.finalize = finalizer
        ext.on_error = on_error
        ext.initialize = initializer
        return ext

    return decorator
