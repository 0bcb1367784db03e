"""SubDataset and the functions that split a dataset into subsets."""
import numbers
import warnings

import numpy

from chainer_lite.dataset import dataset_mixin


class SubDataset(dataset_mixin.DatasetMixin):
    """A contiguous interval of a (possibly permuted) base dataset.

    Without ``order``, the ``i``-th example is ``dataset[start + i]``; with
    it, ``dataset[order[start + i]]``. Negative indexes count from
    ``finish``. Subsets are the usual way to hold out a validation set
    (:func:`split_dataset`, :func:`split_dataset_random`) or to run
    :math:`k`-fold cross validation (:func:`get_cross_validation_datasets`).

    Args:
        dataset: The base dataset.
        start (int): First index of the interval.
        finish (int): Index just past the interval.
        order (sequence of ints): A permutation of the base dataset's
            indexes, as long as the dataset; ``None`` means index order.

    Example:

        >>> from chainer.datasets import SubDataset
        >>> sub = SubDataset(list('abcde'), 1, 4)
        >>> len(sub), sub[0], sub[-1], sub[:]
        (3, 'b', 'd', ['b', 'c', 'd'])
    """

    def __init__(self, dataset, start, finish, order=None):
        n_base = len(dataset)
        if not (start >= 0 and finish <= n_base):
            raise ValueError('subset overruns the base dataset.')
        if order is not None and n_base != len(order):
            raise ValueError(
                'order option must have the same length as the base '
                'dataset: len(order) = {} while len(dataset) = {}'.format(
                    len(order), n_base))
        self._dataset = dataset
        self._start = start
        self._finish = finish
        self._size = finish - start
        self._order = order

    def __len__(self):
        return self._size

    def get_example(self, i):
        if not -self._size <= i < self._size:
            raise IndexError('dataset index out of range')
        # Non-negative indexes count from start, negative ones from finish.
        position = (self._start if i >= 0 else self._finish) + i
        if self._order is not None:
            position = self._order[position]
        return self._dataset[position]


def split_dataset(dataset, split_at, order=None):
    """Splits a dataset into two disjoint subsets.

    Args:
        dataset: Dataset to split.
        split_at (int): Number of examples in the first subset.
        order (sequence of ints): Permutation of the indexes (see
            :class:`SubDataset`); ``None`` means index order.

    Returns:
        tuple: Two :class:`SubDataset` objects, with the examples
        ``order[:split_at]`` and ``order[split_at:]``.

    Example:

        >>> from chainer.datasets import split_dataset
        >>> train, val = split_dataset(list(range(5)), 3)
        >>> train[:], val[:]
        ([0, 1, 2], [3, 4])
    """
    n_examples = len(dataset)
    if not isinstance(split_at, numbers.Integral):
        raise TypeError('split_at must be int, got {} instead'
                        .format(type(split_at)))
    if split_at < 0:
        raise ValueError('split_at must be non-negative')
    if split_at > n_examples:
        raise ValueError('split_at exceeds the dataset size')
    return (SubDataset(dataset, 0, split_at, order),
            SubDataset(dataset, split_at, n_examples, order))


def _random_order(dataset, seed):
    # A permutation of the indexes, reproducible from the seed.
    return numpy.random.RandomState(seed).permutation(len(dataset))


def split_dataset_random(dataset, first_size, seed=None):
    """Splits a dataset into two disjoint subsets at random.

    Args:
        dataset: Dataset to split.
        first_size (int): Number of examples in the first subset.
        seed (int): Seed of the permutation; with the same 32-bit seed each
            example always lands in the same subset. ``None`` draws a fresh
            permutation.

    Returns:
        tuple: Two :class:`SubDataset` objects: ``first_size`` examples
        chosen at random without replacement, and the rest.

    Example:

        >>> from chainer.datasets import split_dataset_random
        >>> a, b = split_dataset_random(list(range(10)), 7, seed=0)
        >>> len(a), len(b), sorted(a[:] + b[:]) == list(range(10))
        (7, 3, True)
    """
    return split_dataset(dataset, first_size, _random_order(dataset, seed))


def split_dataset_n(dataset, n, order=None):
    """Splits a dataset into ``n`` disjoint subsets of equal size.

    Each subset has ``len(dataset) // n`` examples; the remainder is left
    out.

    Args:
        dataset: Dataset to split.
        n (int): Number of subsets.
        order (sequence of ints): Permutation of the indexes (see
            :class:`SubDataset`); ``None`` means index order.

    Returns:
        list: ``n`` :class:`SubDataset` objects; the ``i``-th has the
        examples ``order[i * size:(i + 1) * size]``.

    Example:

        >>> from chainer.datasets import split_dataset_n
        >>> [s[:] for s in split_dataset_n(list(range(7)), 3)]
        [[0, 1], [2, 3], [4, 5]]
    """
    size = len(dataset) // n
    return [SubDataset(dataset, k * size, (k + 1) * size, order)
            for k in range(n)]


def split_dataset_n_random(dataset, n, seed=None):
    """Splits a dataset into ``n`` disjoint subsets of equal size at random.

    Args:
        dataset: Dataset to split.
        n (int): Number of subsets.
        seed (int): Seed of the permutation (see
            :func:`split_dataset_random`).

    Returns:
        list: ``n`` :class:`SubDataset` objects of ``len(dataset) // n``
        examples each, chosen at random without replacement.
    """
    return split_dataset_n(dataset, n, _random_order(dataset, seed))


def _n_folds_argument(n_folds, kwargs):
    # ``n_fold`` is the deprecated spelling of ``n_folds``.
    if 'n_fold' in kwargs:
        warnings.warn(
            'Argument `n_fold` is deprecated. '
            'Please use `n_folds` instead',
            DeprecationWarning)
        n_folds = kwargs['n_fold']
    return n_folds


def get_cross_validation_datasets(dataset, n_folds=None, order=None,
                                  **kwargs):
    """Creates the training/test splits of a k-fold cross validation.

    The examples are divided into ``n_folds`` test sets of nearly equal
    size (they differ by at most one) that together cover the dataset; each
    split pairs one test set with the rest as the training set.

    Args:
        dataset: Dataset to split.
        n_folds (int): Number of splits.
        order (sequence of ints): Order of the indexes the folds are cut
            from; ``None`` means index order.
        n_fold (int): *(deprecated)* Old name of ``n_folds``.

    Returns:
        list of tuples: ``n_folds`` pairs ``(train, test)`` of
        :class:`SubDataset` objects.

    Example:

        >>> from chainer.datasets import get_cross_validation_datasets
        >>> splits = get_cross_validation_datasets(list(range(5)), 2)
        >>> [(sorted(train[:]), sorted(test[:])) for train, test in splits]
        [([0, 1], [2, 3, 4]), ([2, 3, 4], [0, 1])]
    """
    n_folds = _n_folds_argument(n_folds, kwargs)
    if order is None:
        order = numpy.arange(len(dataset))
    else:
        order = numpy.array(order)  # a copy: it is rotated below

    whole_size = len(dataset)
    borders = [whole_size * i // n_folds for i in range(n_folds + 1)]
    test_sizes = [borders[i + 1] - borders[i] for i in range(n_folds)]

    splits = []
    # Each split takes its test set from the end of the order; rotating the
    # order by that test set's size brings the next fold to the end.
    for test_size in reversed(test_sizes):
        splits.append(split_dataset(dataset, whole_size - test_size, order))
        order = numpy.concatenate(
            (order[whole_size - test_size:], order[:whole_size - test_size]))
    return splits


def get_cross_validation_datasets_random(dataset, n_folds, seed=None,
                                         **kwargs):
    """Creates the splits of a k-fold cross validation on shuffled data.

    Same as :func:`get_cross_validation_datasets` on a random permutation
    of the examples.

    Args:
        dataset: Dataset to split.
        n_folds (int): Number of splits.
        seed (int): Seed of the permutation (see
            :func:`split_dataset_random`).
        n_fold (int): *(deprecated)* Old name of ``n_folds``.

    Returns:
        list of tuples: ``n_folds`` pairs ``(train, test)`` of
        :class:`SubDataset` objects.
    """
    return get_cross_validation_datasets(
        dataset, _n_folds_argument(n_folds, kwargs),
        order=_random_order(dataset, seed))
