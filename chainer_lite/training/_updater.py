"""Interface of the objects that run one training iteration."""


class Updater(object):
    """Interface of updaters: what a :class:`~chainer.training.Trainer`
    calls to run one training iteration.

    An iteration typically fetches a minibatch from an iterator, runs the
    model forward and backward, and lets the optimizer update the
    parameters. Subclasses implement :meth:`update` and the accessors.
    """

    def connect_trainer(self, trainer):
        """Called at the end of the trainer's construction.

        Updaters may register extra observers to ``trainer.reporter`` here.
        Does nothing by default.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
        """

    def finalize(self):
        """Called at the end of training; finalizes the iterators."""
        raise NotImplementedError

    def get_optimizer(self, name):
        """Returns the optimizer registered under ``name``."""
        raise NotImplementedError

    def get_all_optimizers(self):
        """Returns a dict mapping names to optimizers."""
        raise NotImplementedError

    def update(self):
        """Runs one training iteration."""
        raise NotImplementedError

    def serialize(self, serializer):
        """Serializes the updater's state."""
        raise NotImplementedError
