import warnings

import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import datasets


@hypothesis.given(st.integers(0, 10), st.data())
def test_sub_dataset_with_and_without_order(n, data):
    base = list(range(100, 100 + n))
    start = data.draw(st.integers(0, n))
    finish = data.draw(st.integers(start, n))
    order = data.draw(st.one_of(st.none(), st.permutations(range(n))))
    sub = datasets.SubDataset(base, start, finish, order)
    positions = list(range(n)) if order is None else list(order)
    expected = [base[p] for p in positions[start:finish]]
    assert len(sub) == len(expected)
    assert sub[:] == expected
    for i in range(-len(expected), len(expected)):
        assert sub[i] == expected[i]
    with pytest.raises(IndexError):
        sub[len(expected)]
    with pytest.raises(IndexError):
        sub[-len(expected) - 1]


def test_sub_dataset_errors():
    with pytest.raises(ValueError, match='overruns'):
        datasets.SubDataset([1, 2], 0, 3)
    with pytest.raises(ValueError, match='overruns'):
        datasets.SubDataset([1, 2], -1, 2)
    with pytest.raises(ValueError, match='same length'):
        datasets.SubDataset([1, 2], 0, 2, order=[0])


@hypothesis.given(st.integers(0, 12), st.data())
def test_split_dataset(n, data):
    base = list(range(n))
    split_at = data.draw(st.integers(0, n))
    a, b = datasets.split_dataset(base, split_at)
    assert a[:] == base[:split_at] and b[:] == base[split_at:]
    a, b = datasets.split_dataset(base, numpy.int64(split_at),
                                  order=base[::-1])
    assert a[:] + b[:] == base[::-1]


def test_split_dataset_errors():
    with pytest.raises(TypeError, match='split_at must be int'):
        datasets.split_dataset([1, 2], 1.0)
    with pytest.raises(ValueError, match='non-negative'):
        datasets.split_dataset([1, 2], -1)
    with pytest.raises(ValueError, match='exceeds'):
        datasets.split_dataset([1, 2], 3)


@hypothesis.given(st.integers(1, 12), st.integers(0, 2 ** 32 - 1), st.data())
def test_split_dataset_random_uses_seeded_permutation(n, seed, data):
    base = list(range(n))
    first = data.draw(st.integers(0, n))
    a, b = datasets.split_dataset_random(base, first, seed=seed)
    order = numpy.random.RandomState(seed).permutation(n)
    assert a[:] == [base[i] for i in order[:first]]
    assert b[:] == [base[i] for i in order[first:]]
    a2, _ = datasets.split_dataset_random(base, first, seed=seed)
    assert a2[:] == a[:]


@hypothesis.given(st.integers(0, 12), st.integers(1, 5))
def test_split_dataset_n(n_examples, n):
    base = list(range(n_examples))
    size = n_examples // n
    subsets = datasets.split_dataset_n(base, n)
    assert [s[:] for s in subsets] == [
        base[i * size:(i + 1) * size] for i in range(n)]
    subsets = datasets.split_dataset_n_random(base, n, seed=3)
    flat = [v for s in subsets for v in s[:]]
    assert len(flat) == size * n and len(set(flat)) == len(flat)
    order = numpy.random.RandomState(3).permutation(n_examples)
    assert flat == [base[i] for i in order[:size * n]]


@hypothesis.given(st.integers(1, 12), st.integers(1, 5))
def test_cross_validation(n_examples, n_folds):
    hypothesis.assume(n_folds <= n_examples)
    base = list(range(n_examples))
    splits = datasets.get_cross_validation_datasets(base, n_folds)
    assert len(splits) == n_folds
    tests = []
    for train, test in splits:
        assert sorted(train[:] + test[:]) == base
        tests.extend(test[:])
    # The test sets partition the dataset, with sizes differing by <= 1.
    assert sorted(tests) == base
    sizes = [len(test) for _, test in splits]
    assert max(sizes) - min(sizes) <= 1

    random_splits = datasets.get_cross_validation_datasets_random(
        base, n_folds, seed=0)
    assert sorted(v for _, t in random_splits for v in t[:]) == base


def test_cross_validation_order_and_deprecated_argument():
    base = list(range(6))
    splits = datasets.get_cross_validation_datasets(
        base, 3, order=[5, 4, 3, 2, 1, 0])
    assert [test[:] for _, test in splits] == [[1, 0], [3, 2], [5, 4]]
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        splits = datasets.get_cross_validation_datasets(base, n_fold=2)
    assert len(splits) == 2
    assert any(issubclass(x.category, DeprecationWarning) for x in w)
