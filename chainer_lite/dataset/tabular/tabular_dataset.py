"""TabularDataset: a dataset of rows with named columns, viewed lazily."""
import chainer_lite
from chainer_lite.dataset import dataset_mixin


class TabularDataset(dataset_mixin.DatasetMixin):
    """Abstract dataset whose examples all have the same named columns.

    Every example has one element per column (``keys``). An example is
    returned as a tuple (``mode`` is :class:`tuple`), as a dict keyed by the
    column names (``mode`` is :class:`dict`), or, for a single column, as
    the bare value (``mode`` is ``None``).

    A subclass implements :meth:`__len__`, :attr:`keys`, :attr:`mode` and
    :meth:`get_examples`. Everything else (``slice``, ``fetch``,
    ``concat``, ``join``, ``transform``...) returns lazy views built on
    :meth:`get_examples`.

    Example:

        >>> import numpy as np
        >>> from chainer import dataset
        >>> class Table(dataset.TabularDataset):
        ...     data = np.arange(12).reshape(4, 3)
        ...     def __len__(self):
        ...         return 4
        ...     keys = ('a', 'b', 'c')
        ...     mode = tuple
        ...     def get_examples(self, indices, key_indices):
        ...         data = self.data
        ...         if indices is not None:
        ...             data = data[indices]
        ...         if key_indices is not None:
        ...             data = data[:, list(key_indices)]
        ...         return tuple(data.T)
        >>> table = Table()
        >>> [int(v) for v in table[1]]
        [3, 4, 5]
        >>> view = table.slice[[3, 0], ('c', 'a')]
        >>> view.keys, [int(v) for v in view[0]]
        (('c', 'a'), [11, 9])
    """

    def __len__(self):
        raise NotImplementedError

    @property
    def keys(self):
        """Tuple of the column names."""
        raise NotImplementedError

    @property
    def mode(self):
        """Type of an example: :class:`tuple`, :class:`dict` or ``None``."""
        raise NotImplementedError

    def get_examples(self, indices, key_indices):
        """Returns some rows of some columns, column by column.

        Args:
            indices (list of ints or slice): Rows to return; ``None`` means
                every row.
            key_indices (tuple of ints): Columns to return, by position;
                ``None`` means every column.

        Returns:
            tuple of lists/arrays: One list or array per requested column.
        """
        raise NotImplementedError

    @property
    def slice(self):
        """Helper to take a view of some rows and columns.

        ``dataset.slice[indices]`` or ``dataset.slice[indices, keys]``, where
        ``indices`` is a slice, a list of integers or a list of booleans (one
        per row), and ``keys`` a column name or position, or a tuple of them
        (a single key gives a dataset whose ``mode`` is ``None``).

        Returns:
            An object whose ``[]`` returns the view.
        """
        from chainer_lite.dataset.tabular import _slice
        return _slice._SliceHelper(self)

    def fetch(self):
        """Returns all the data, column by column.

        Returns:
            A tuple of columns (``mode`` is :class:`tuple`), a dict from key
            to column (``mode`` is :class:`dict`), or the single column
            (``mode`` is ``None``). Each column is a list or an array.
        """
        examples = self.get_examples(None, None)
        if self.mode is tuple:
            return examples
        if self.mode is dict:
            return dict(zip(self.keys, examples))
        if self.mode is None:
            return examples[0]

    def convert(self, data):
        """Converts fetched data before it is fed to a model.

        By default each column becomes an array (see
        :meth:`with_converter` to change this). Views made with
        :meth:`concat` or :meth:`join` use the converter of the first
        dataset.

        Args:
            data (tuple or dict or column): What :meth:`fetch` returned.

        Returns:
            The same structure with every column as an array.
        """
        if isinstance(data, tuple):
            return tuple(_as_array(d) for d in data)
        if isinstance(data, dict):
            return {k: _as_array(v) for k, v in data.items()}
        return _as_array(data)

    def astuple(self):
        """Returns a view of this dataset whose ``mode`` is :class:`tuple`."""
        from chainer_lite.dataset.tabular import _asmode
        return _asmode._Astuple(self)

    def asdict(self):
        """Returns a view of this dataset whose ``mode`` is :class:`dict`."""
        from chainer_lite.dataset.tabular import _asmode
        return _asmode._Asdict(self)

    def concat(self, *datasets):
        """Stacks datasets along rows.

        Args:
            datasets (TabularDataset): Datasets with the same ``keys`` as
                this one.

        Returns:
            A dataset with the rows of this dataset and then of each of
            ``datasets``.
        """
        from chainer_lite.dataset.tabular import _concat
        return _concat._Concat(self, *datasets)

    def join(self, *datasets):
        """Puts datasets side by side (stacks them along columns).

        Args:
            datasets (TabularDataset): Datasets of the same length as this
                one, with keys distinct from each other's.

        Returns:
            A dataset with the columns of all the datasets.
        """
        from chainer_lite.dataset.tabular import _join
        return _join._Join(self, *datasets)

    def transform(self, keys, transform):
        """Returns a view that applies a function to each example.

        Args:
            keys (tuple of strs): Names of the columns of the result.
            transform (callable): Called with the elements of one example
                (as positional arguments for ``tuple``/``None`` mode, as
                keyword arguments for ``dict`` mode); returns a tuple, a dict
                or a single value, which also decides the result's ``mode``.

        Returns:
            The transformed dataset.
        """
        from chainer_lite.dataset.tabular import _transform
        return _transform._Transform(self, keys, transform)

    def transform_batch(self, keys, transform_batch):
        """Returns a view that applies a function to batches of examples.

        Like :meth:`transform`, but ``transform_batch`` receives whole
        columns and returns whole columns of the same length.

        Args:
            keys (tuple of strs): Names of the columns of the result.
            transform_batch (callable): The batch transformation.

        Returns:
            The transformed dataset.
        """
        from chainer_lite.dataset.tabular import _transform
        return _transform._TransformBatch(self, keys, transform_batch)

    def with_converter(self, converter):
        """Returns a view whose :meth:`convert` calls ``converter``.

        Args:
            converter (callable): Receives the fetched columns (as
                positional arguments for a tuple, keyword arguments for a
                dict, or the single column).

        Returns:
            The dataset with the new converter.
        """
        from chainer_lite.dataset.tabular import _with_converter
        return _with_converter._WithConverter(self, converter)

    def get_example(self, i):
        columns = self.get_examples([i], None)
        example = tuple(column[0] for column in columns)
        if self.mode is tuple:
            return example
        if self.mode is dict:
            return dict(zip(self.keys, example))
        if self.mode is None:
            return example[0]

    def __iter__(self):
        return (self.get_example(i) for i in range(len(self)))


def _as_array(data):
    if isinstance(data, chainer_lite.get_array_types()):
        return data
    device = chainer_lite.backend.get_device_from_array(data[0])
    with chainer_lite.using_device(device):
        return device.xp.asarray(data)
