"""Column-wise joining of tabular datasets."""
from chainer_lite.dataset.tabular import tabular_dataset


class _Join(tabular_dataset.TabularDataset):

    def __init__(self, *datasets):
        keys = set(datasets[0].keys)
        for dataset in datasets[1:]:
            if len(dataset) != len(datasets[0]):
                raise ValueError('All datasets must have the same length')
            if keys.intersection(dataset.keys):
                raise ValueError('All keys must be unique among all datasets')
            keys.update(dataset.keys)
        self._datasets = datasets

    def __len__(self):
        return len(self._datasets[0])

    @property
    def keys(self):
        # The columns of each dataset, one dataset after the other.
        return sum((tuple(d.keys) for d in self._datasets), ())

    @property
    def mode(self):
        for dataset in self._datasets:
            if dataset.mode:
                return dataset.mode
        return tuple

    def get_examples(self, indices, key_indices):
        if key_indices is None:
            return tuple(column
                         for dataset in self._datasets
                         for column in dataset.get_examples(indices, None))

        # Ask each dataset once for the (distinct) columns it owns.
        columns = {}
        key_offset = 0
        for dataset in self._datasets:
            n_keys = len(dataset.keys)
            sub_key_indices = []
            for key_index in key_indices:
                sub = key_index - key_offset
                if 0 <= sub < n_keys and sub not in sub_key_indices:
                    sub_key_indices.append(sub)
            if sub_key_indices:
                sub_key_indices = tuple(sub_key_indices)
                sub_columns = dataset.get_examples(indices, sub_key_indices)
                for sub, column in zip(sub_key_indices, sub_columns):
                    columns[key_offset + sub] = column
            key_offset += n_keys

        return tuple(columns[key_index] for key_index in key_indices)

    def convert(self, data):
        return self._datasets[0].convert(data)
