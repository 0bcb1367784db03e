"""Views of a tabular dataset through a per-example or per-batch function."""
from chainer_lite.dataset.tabular import tabular_dataset


def _call_with_mode(func, dataset, values):
    # Passes one example (or one batch of columns) the way the dataset's
    # mode says: positional arguments, or keyword arguments by key.
    if dataset.mode is dict:
        return func(**dict(zip(dataset.keys, values)))
    return func(*values)


class _TransformBase(tabular_dataset.TabularDataset):
    # The mode of the view is the type the transformation returns; it is
    # found out by transforming the first example when first asked for.

    _what = None  # the name used in error messages

    def __init__(self, dataset, keys, func):
        if not isinstance(keys, tuple):
            keys = (keys,)
        self._dataset = dataset
        self._keys = keys
        self._func = func

    def __len__(self):
        return len(self._dataset)

    @property
    def keys(self):
        return self._keys

    @property
    def mode(self):
        if not hasattr(self, '_mode'):
            self.get_examples([0], None)
        return self._mode

    def _record_mode(self, out):
        # Returns the output's mode, which must never change.
        if isinstance(out, tuple):
            mode = tuple
        elif isinstance(out, dict):
            mode = dict
        else:
            mode = None
        if hasattr(self, '_mode') and self._mode is not mode:
            raise ValueError(
                '{} must not change its return type'.format(self._what))
        self._mode = mode
        return mode

    def _pick(self, out, mode, key_index):
        # The column ``key_index`` of a transformation output.
        if mode is dict:
            return out[self._keys[key_index]]
        if mode is None:
            return (out,)[key_index]
        return out[key_index]

    def convert(self, data):
        return self._dataset.convert(data)


class _Transform(_TransformBase):

    _what = 'transform'

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            key_indices = range(len(self._keys))

        in_columns = self._dataset.get_examples(indices, None)

        out_columns = tuple([] for _ in key_indices)
        for in_example in zip(*in_columns):
            out = _call_with_mode(self._func, self._dataset, in_example)
            mode = self._record_mode(out)
            for column, key_index in zip(out_columns, key_indices):
                column.append(self._pick(out, mode, key_index))
        return out_columns


class _TransformBatch(_TransformBase):

    _what = 'transform_batch'

    def get_examples(self, indices, key_indices):
        if indices is None:
            length = len(self)
        elif isinstance(indices, slice):
            length = len(range(*indices.indices(len(self))))
        else:
            length = len(indices)

        if key_indices is None:
            key_indices = range(len(self._keys))

        in_columns = self._dataset.get_examples(indices, None)
        out = _call_with_mode(self._func, self._dataset, in_columns)
        mode = self._record_mode(out)

        if mode is dict:
            out_columns = out.values()
        elif mode is None:
            out_columns = (out,)
        else:
            out_columns = out
        if not all(len(column) == length for column in out_columns):
            raise ValueError(
                'transform_batch must not change the length of data')

        return tuple(self._pick(out, mode, key_index)
                     for key_index in key_indices)
