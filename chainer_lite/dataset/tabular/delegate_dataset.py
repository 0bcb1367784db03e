"""DelegateDataset: a TabularDataset that forwards to a wrapped one."""
from chainer_lite.dataset.tabular import tabular_dataset


class DelegateDataset(tabular_dataset.TabularDataset):
    """A tabular dataset that delegates everything to another one.

    Subclass it to give a composed tabular dataset its own class (and
    methods) while the data come from the wrapped dataset.

    Args:
        dataset (chainer.dataset.TabularDataset): The wrapped dataset,
            available as the ``dataset`` attribute.

    Example:

        >>> from chainer.dataset import tabular
        >>> class Squares(tabular.DelegateDataset):
        ...     def __init__(self):
        ...         super().__init__(tabular.from_data(
        ...             (('n', list(range(4))), ('sq', self.square)),
        ...             size=4))
        ...     def square(self, i):
        ...         return i * i
        >>> ds = Squares()
        >>> ds.keys, ds[3]
        (('n', 'sq'), (3, 9))
    """

    def __init__(self, dataset):
        self.dataset = dataset

    def __len__(self):
        return len(self.dataset)

    @property
    def keys(self):
        return self.dataset.keys

    @property
    def mode(self):
        return self.dataset.mode

    def get_examples(self, indices, key_indices):
        return self.dataset.get_examples(indices, key_indices)
