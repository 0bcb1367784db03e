"""DatasetMixin: indexing (ints, slices, index lists) built on get_example."""
import numpy


class DatasetMixin(object):
    """Mixin that implements dataset indexing on top of ``get_example``.

    A subclass provides ``__len__`` and ``get_example(i)``; this mixin turns
    ``dataset[i]`` into ``get_example(i)`` and ``dataset[slice]``,
    ``dataset[list]`` or ``dataset[1-d integer array]`` into a list of
    examples. Override ``__getitem__`` when the data supports faster batch
    access.

    Example:

        >>> from chainer import dataset
        >>> class Squares(dataset.DatasetMixin):
        ...     def __len__(self):
        ...         return 5
        ...     def get_example(self, i):
        ...         return i * i
        >>> ds = Squares()
        >>> ds[2], ds[1:4], ds[[4, 0]]
        (4, [1, 4, 9], [16, 0])
    """

    def __getitem__(self, index):
        """Returns one example or a list of examples.

        Args:
            index (int, slice, list or numpy.ndarray): An index, a slice, or a
                one-dimensional sequence of integer indexes.

        Returns:
            The example for an integer index, otherwise a list of examples.
        """
        if isinstance(index, slice):
            return [self.get_example(i)
                    for i in range(*index.indices(len(self)))]
        if isinstance(index, (list, numpy.ndarray)):
            return [self.get_example(i) for i in index]
        return self.get_example(index)

    def __len__(self):
        """Returns the number of examples."""
        raise NotImplementedError

    def get_example(self, i):
        """Returns the ``i``-th example.

        Subclasses implement it and raise :class:`IndexError` for an invalid
        index.

        Args:
            i (int): Index of the example.

        Returns:
            The example.
        """
        raise NotImplementedError
