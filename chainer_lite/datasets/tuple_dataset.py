"""TupleDataset: zips equal-length datasets into a dataset of tuples."""


class TupleDataset(object):
    """Dataset of tuples taken from several datasets of the same length.

    The ``i``-th example is ``(d1[i], d2[i], ...)``, like :func:`zip`.
    Indexing with a slice returns a list of tuples; indexing with an integer
    array (for array datasets) returns a tuple of the selected batches.

    Args:
        datasets: The datasets (anything with ``len`` and ``[]``), all of
            the same length.

    Example:

        >>> from chainer.datasets import TupleDataset
        >>> ds = TupleDataset([8, 0, 5], [3, 1, 7])
        >>> len(ds), ds[1], ds[1:]
        (3, (0, 1), [(0, 1), (5, 7)])
    """

    def __init__(self, *datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = len(datasets[0])
        for i, dataset in enumerate(datasets):
            if len(dataset) != length:
                raise ValueError(
                    'dataset of the index {} has a wrong length'.format(i))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        columns = [column[index] for column in self._datasets]
        if isinstance(index, slice):
            # One tuple per selected row.
            return list(zip(*columns))
        return tuple(columns)

    def __len__(self):
        return self._length
