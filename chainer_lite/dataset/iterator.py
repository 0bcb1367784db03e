"""Iterator: the base class of dataset iterators."""


class Iterator(object):
    """Base class of dataset iterators.

    An iterator yields minibatches (lists of examples) through the Python
    iterator protocol. Implementations also provide these attributes:

    - ``batch_size``: number of examples per batch (the last batch of a
      non-repeating iterator may be smaller);
    - ``epoch``: number of completed sweeps over the dataset;
    - ``epoch_detail``: the epoch as a float (``2.5`` halfway through the
      third epoch);
    - ``previous_epoch_detail``: ``epoch_detail`` before the last
      iteration, ``None`` before the first;
    - ``is_new_epoch``: whether the last iteration completed an epoch;

    and :meth:`serialize`, so that training can be suspended and resumed.
    Iterators are context managers: leaving the ``with`` block calls
    :meth:`finalize`.
    """

    def __del__(self):
        self.finalize()

    def __iter__(self):
        """Returns ``self``."""
        return self

    def __next__(self):
        """Returns the next batch; may raise :class:`StopIteration`."""
        raise NotImplementedError

    def next(self):
        """Alias of :meth:`__next__` (the Python 2 name)."""
        return self.__next__()

    def finalize(self):
        """Releases resources held by the iterator (worker processes...).

        Does nothing by default. It may be called several times.
        """
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.finalize()

    def serialize(self, serializer):
        """Saves or restores the iteration state through a serializer.

        Only state that changes while iterating is serialized, not settings
        such as the batch size. Does nothing by default.

        Args:
            serializer (~chainer.AbstractSerializer): Where to save the
                state to, or restore it from.
        """
        pass
