"""from_data: build a TabularDataset from lists, arrays and callables."""
import chainer_lite
from chainer_lite.dataset.tabular import tabular_dataset


def from_data(data, *, size=None):
    """Creates a :class:`~chainer.dataset.TabularDataset` from columns.

    ``data`` is one of

    - a list or an array: one unnamed column (``mode`` is ``None``);
    - ``(key, column)``: one named column, where ``column`` is a list, an
      array, or a callable that maps a row number to a value;
    - ``((key, ...), callable)``: several columns computed together by a
      callable that returns a tuple or a dict for a row number;
    - a tuple of the above: their columns side by side (``mode`` is
      :class:`tuple`);
    - a dict from key (or tuple of keys) to column (or callable): the
      columns side by side (``mode`` is :class:`dict`).

    Args:
        data: The columns, as above.
        size (int): Number of rows; needed only when every column is a
            callable.

    Returns:
        chainer.dataset.TabularDataset: The dataset.

    Example:

        >>> from chainer.dataset import tabular
        >>> tabular.from_data([5, 6, 7])[1]
        6
        >>> ds = tabular.from_data((('a', [0, 1, 2]), ('b', [3, 4, 5])))
        >>> ds.keys, ds[0]
        (('a', 'b'), (0, 3))
        >>> tabular.from_data(('sq', lambda i: i * i), size=10)[5]
        25
    """
    if isinstance(data, tuple):
        if len(data) == 2:
            key, column = data
            if isinstance(key, str) or (
                    isinstance(key, tuple)
                    and all(isinstance(k, str) for k in key)):
                return _make_dataset(key, column, size)

        columns = [_split_key(item) for item in data]
        if size is None:
            size = _first_length(column for _, column in columns)
        datasets = [_make_dataset(key, column, size)
                    for key, column in columns]
        return datasets[0].join(*datasets[1:]).astuple()

    if isinstance(data, dict):
        if size is None:
            size = _first_length(data.values())
        datasets = [_make_dataset(key, column, size)
                    for key, column in data.items()]
        return datasets[0].join(*datasets[1:]).asdict()

    return _make_dataset(None, data, size)


def _split_key(item):
    # An item of a tuple is ``(key, column)`` or a bare column.
    if isinstance(item, tuple):
        return item
    return None, item


def _first_length(columns):
    # The length of the first column that has one (callables have none).
    for column in columns:
        try:
            return len(column)
        except TypeError:
            pass
    return None


def _make_dataset(key, data, size):
    if isinstance(data, chainer_lite.get_array_types()):
        if key is None:
            key = '_{}'.format(id(data))
        return _Array(key, data)
    if isinstance(data, list):
        if key is None:
            key = '_{}'.format(id(data))
        return _List(key, data)
    if callable(data):
        if key is None:
            raise ValueError('key(s) must be specified for callable')
        if size is None:
            raise ValueError('size must be specified for callable')
        return _Index(size).transform(key, data)


class _Column(tabular_dataset.TabularDataset):
    # One column; asking for the same column several times repeats it.

    def __init__(self, key, data):
        self._key = key
        self._data = data

    def __len__(self):
        return len(self._data)

    @property
    def keys(self):
        return (self._key,)

    @property
    def mode(self):
        return None

    def get_examples(self, indices, key_indices):
        n_cols = 1 if key_indices is None else len(key_indices)
        return (self._select(indices),) * n_cols


class _Array(_Column):

    def _select(self, indices):
        if indices is None:
            return self._data
        return self._data[indices]


class _List(_Column):

    def _select(self, indices):
        if indices is None:
            return self._data
        if isinstance(indices, slice):
            return self._data[indices]
        return [self._data[index] for index in indices]


class _Index(tabular_dataset.TabularDataset):
    # The row numbers themselves, as the column 'index'.

    def __init__(self, size):
        self._len = size

    def __len__(self):
        return self._len

    @property
    def keys(self):
        return ('index',)

    @property
    def mode(self):
        return None

    def get_examples(self, indices, key_indices):
        if indices is None:
            indices = slice(None)
        if isinstance(indices, slice):
            indices = list(range(*indices.indices(len(self))))
        n_cols = 1 if key_indices is None else len(key_indices)
        return (indices,) * n_cols
