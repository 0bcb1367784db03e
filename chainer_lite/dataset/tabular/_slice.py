"""Views of some rows and columns of a tabular dataset."""
import numbers

import numpy

from chainer_lite.dataset.tabular import tabular_dataset


class _Slice(tabular_dataset.TabularDataset):

    def __init__(self, dataset, indices, keys):
        # _unary: None when the columns are kept, True for one bare key
        # (mode None), False for a tuple of keys.
        if keys is None:
            self._unary = None
        elif isinstance(keys, tuple):
            self._unary = False
        else:
            self._unary = True
            keys = (keys,)

        self._dataset = dataset
        self._indices = _as_indices(indices, len(dataset))
        self._key_indices = (
            None if keys is None else _key_positions(keys, dataset.keys))

    def __len__(self):
        if self._indices is None:
            return len(self._dataset)
        if isinstance(self._indices, slice):
            return len(range(*self._indices.indices(len(self._dataset))))
        return len(self._indices)

    @property
    def keys(self):
        if self._key_indices is None:
            return self._dataset.keys
        return tuple(self._dataset.keys[key_index]
                     for key_index in self._key_indices)

    @property
    def mode(self):
        if self._unary is None:
            return self._dataset.mode
        if self._unary:
            return None
        return self._dataset.mode or tuple

    def get_examples(self, indices, key_indices):
        # Requests are relative to this view: translate them to the base.
        base_length = len(self._dataset)
        rows = _compose_rows(self._indices, indices, base_length, len(self))
        columns = _compose(self._key_indices, key_indices)
        return self._dataset.get_examples(rows, columns)

    def convert(self, data):
        return self._dataset.convert(data)


class _SliceHelper(object):

    def __init__(self, dataset):
        self._dataset = dataset

    def __getitem__(self, args):
        if isinstance(args, tuple):
            indices, keys = args
        else:
            indices, keys = args, None
        return _Slice(self._dataset, indices, keys)


def _as_indices(indices, length):
    # A slice (or an empty list) is kept; a list of booleans (a mask) or of
    # integers becomes a list of non-negative, checked row numbers.
    if isinstance(indices, slice) or not len(indices):
        return indices

    if all(isinstance(index, (bool, numpy.bool_)) for index in indices):
        if len(indices) != length:
            raise ValueError('The number of booleans is '
                             'different from the length of dataset')
        return [i for i, flag in enumerate(indices) if flag]

    checked = []
    for index in indices:
        index = int(index)
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError(
                'index {} is out of bounds for dataset with size {}'
                .format(index, length))
        checked.append(index)
    return checked


def _key_position(key, key_names):
    # Column number of a key given by name or by (possibly negative)
    # position.
    n = len(key_names)
    if not isinstance(key, numbers.Integral):
        try:
            return key_names.index(key)
        except ValueError:
            raise KeyError('{} does not exists'.format(key))
    position = key + n if key < 0 else key
    if not 0 <= position < n:
        raise IndexError(
            'index {} is out of bounds for keys with size {}'.format(key, n))
    return position


def _key_positions(keys, key_names):
    return tuple(_key_position(key, key_names) for key in keys)


def _compose_rows(outer, inner, len_outer, len_inner):
    # Composes two row selections: ``inner`` selects among the rows that
    # ``outer`` selected from a dataset of length ``len_outer``.
    if outer is None or inner is None:
        return _compose(outer, inner)
    if isinstance(outer, slice) and isinstance(inner, slice):
        o_start, _, o_step = outer.indices(len_outer)
        i_start, i_stop, i_step = inner.indices(len_inner)
        if len(range(i_start, i_stop, i_step)) == 0:
            # The formulas below assume at least one row.
            return slice(0, 0)
        start = o_start + o_step * i_start
        stop = o_start + o_step * i_stop
        step = o_step * i_step
        # A negative stop would count from the end: "down to the first row"
        # is spelled None.
        if stop < 0:
            stop = None
        return slice(start, stop, step)
    if isinstance(outer, slice):
        o_start, _, o_step = outer.indices(len_outer)
        return [o_start + o_step * index for index in inner]
    if isinstance(inner, slice):
        return outer[inner]
    return [outer[index] for index in inner]


def _compose(outer, inner):
    # Composes two selections given as sequences of positions; None means
    # "everything".
    if outer is None:
        return inner
    if inner is None:
        return outer
    return tuple(outer[index] for index in inner)
