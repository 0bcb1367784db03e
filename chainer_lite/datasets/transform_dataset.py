"""TransformDataset: applies a function to each example of a dataset."""
from chainer_lite.dataset import dataset_mixin


class TransformDataset(dataset_mixin.DatasetMixin):
    """Dataset that transforms the examples of a base dataset.

    ``dataset[i]`` is ``transform(base[i])``, computed on every access;
    ``len`` is the base dataset's. The example passed to ``transform`` is
    the base dataset's own object: return new arrays (``img = img - 0.5``)
    rather than modifying it in place (``img -= 0.5`` would change the base
    dataset).

    Args:
        dataset: The base dataset (with ``len`` and ``[]``).
        transform (callable): Function applied to each example.

    Example:

        >>> from chainer.datasets import TransformDataset
        >>> ds = TransformDataset([1, 2, 3], lambda x: x * 10)
        >>> len(ds), ds[1], ds[:2]
        (3, 20, [10, 20])
    """

    def __init__(self, dataset, transform):
        self._dataset = dataset
        self._transform = transform

    def __len__(self):
        return len(self._dataset)

    def get_example(self, i):
        return self._transform(self._dataset[i])
