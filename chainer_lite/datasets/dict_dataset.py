"""DictDataset: combines equal-length datasets into a dataset of dicts."""


class DictDataset(object):
    """Dataset of dicts taken from several named datasets of one length.

    The ``i``-th example is ``{key: dataset[i] for each key}``. Indexing
    with a slice returns a list of dicts.

    Args:
        datasets: The datasets, as keyword arguments; the keywords become
            the keys of the examples. All must have the same length.

    Example:

        >>> from chainer.datasets import DictDataset
        >>> ds = DictDataset(x=[1, 2, 3], y=[4, 5, 6])
        >>> ds[0] == {'x': 1, 'y': 4}
        True
        >>> len(ds[:2])
        2
    """

    def __init__(self, **datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = None
        for key, dataset in datasets.items():
            if length is None:
                length = len(dataset)
            elif length != len(dataset):
                raise ValueError(
                    'dataset length conflicts at "{}"'.format(key))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        batches = {key: dataset[index]
                   for key, dataset in self._datasets.items()}
        if isinstance(index, slice):
            length = len(next(iter(batches.values())))
            return [{key: batch[i] for key, batch in batches.items()}
                    for i in range(length)]
        return batches

    def __len__(self):
        return self._length
