import pytest

from chainer_lite import dataset


class _Counting(dataset.Iterator):

    def __init__(self):
        self.finalized = 0
        self.items = [1, 2]

    def __next__(self):
        if not self.items:
            raise StopIteration
        return self.items.pop(0)

    def finalize(self):
        self.finalized += 1


def test_iterator_protocol_and_next_alias():
    it = _Counting()
    assert iter(it) is it
    assert it.next() == 1
    assert list(it) == [2]


def test_context_manager_finalizes():
    with _Counting() as it:
        assert it.finalized == 0
    assert it.finalized == 1


def test_base_class_defaults():
    it = dataset.Iterator()
    with pytest.raises(NotImplementedError):
        next(it)
    it.finalize()
    it.finalize()  # may be called several times
    assert it.serialize(lambda key, value: value) is None
