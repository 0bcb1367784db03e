"""ConcatenatedDataset: several datasets read one after the other."""
from chainer_lite.dataset import dataset_mixin


class ConcatenatedDataset(dataset_mixin.DatasetMixin):
    """Dataset that concatenates datasets.

    Its examples are those of the first dataset, then those of the second,
    and so on (a dataset of 10 examples and one of 20 make 30 examples).

    Args:
        datasets: The datasets (with ``len`` and ``[]``).

    Example:

        >>> from chainer.datasets import ConcatenatedDataset
        >>> ds = ConcatenatedDataset([1, 2], [3, 4, 5])
        >>> len(ds), ds[2], ds[1:4]
        (5, 3, [2, 3, 4])
    """

    def __init__(self, *datasets):
        self._datasets = datasets

    def __len__(self):
        return sum(map(len, self._datasets))

    def get_example(self, i):
        if i < 0:
            raise IndexError
        for dataset in self._datasets:
            if i < len(dataset):
                return dataset[i]
            i -= len(dataset)
        raise IndexError
