"""Row-wise concatenation of tabular datasets."""
from chainer_lite.dataset.tabular import tabular_dataset


class _Concat(tabular_dataset.TabularDataset):

    def __init__(self, *datasets):
        for dataset in datasets[1:]:
            if dataset.keys != datasets[0].keys:
                raise ValueError('All datasets must have the same keys')
        self._datasets = datasets

    def __len__(self):
        return sum(map(len, self._datasets))

    @property
    def keys(self):
        return self._datasets[0].keys

    @property
    def mode(self):
        return self._datasets[0].mode

    def get_examples(self, indices, key_indices):
        n_cols = len(self.keys) if key_indices is None else len(key_indices)

        if indices is None:
            parts = [dataset.get_examples(None, key_indices)
                     for dataset in self._datasets]
            return _chain_columns(parts, n_cols)
        if isinstance(indices, slice):
            return self._get_slice(indices, key_indices, n_cols)
        return self._get_list(indices, key_indices, n_cols)

    def _get_slice(self, indices, key_indices, n_cols):
        start, stop, step = indices.indices(len(self))
        parts = []
        offset = 0
        for dataset in self._datasets:
            sub_slice = _local_slice(start, stop, step, offset, len(dataset))
            if sub_slice is not None:
                parts.append(dataset.get_examples(sub_slice, key_indices))
            offset += len(dataset)

        if len(parts) == 1:
            # Pass the sub-dataset's columns through (arrays stay arrays).
            return parts[0]
        if step < 0:
            parts.reverse()
        return _chain_columns(parts, n_cols)

    def _get_list(self, indices, key_indices, n_cols):
        parts = {}
        # Where each requested row ends up: (dataset number, position in
        # that dataset's sub-request).
        locations = [None] * len(indices)
        offset = 0
        for k, part in enumerate(self._datasets):
            size = len(part)
            local = []
            for p, index in enumerate(indices):
                if offset <= index < offset + size:
                    locations[p] = (k, len(local))
                    local.append(index - offset)
            if local:
                parts[k] = part.get_examples(local, key_indices)
            offset += size

        if not parts:
            return tuple([] for _ in range(n_cols))
        if len(parts) == 1:
            return next(iter(parts.values()))
        return tuple(
            [parts[k][col][p] for k, p in locations]
            for col in range(n_cols))

    def convert(self, data):
        return self._datasets[0].convert(data)


def _local_slice(start, stop, step, offset, length):
    # The part of range(start, stop, step) (global positions) that falls in
    # [offset, offset + length), as a slice of local positions, or None if
    # it is empty.
    sub_start = start - offset
    sub_stop = stop - offset
    if step > 0:
        if sub_start < 0:
            # First local position reached by the stride.
            sub_start %= step
        sub_stop = min(sub_stop, length)
    else:
        if sub_start >= length:
            # Last local position reached by the (negative) stride.
            sub_start = length + (sub_start - length) % step
        sub_stop = max(sub_stop, -1)

    if len(range(sub_start, sub_stop, step)) == 0:
        return None
    # A negative bound would count from the end: "past the beginning" is
    # spelled None.
    if sub_stop < 0 and step < 0:
        sub_stop = None
    return slice(sub_start, sub_stop, step)


def _chain_columns(parts, n_cols):
    return tuple(
        [value for part in parts for value in part[col]]
        for col in range(n_cols))
