import hypothesis
from hypothesis import strategies as st
import pytest

from chainer_lite import datasets


@hypothesis.given(st.lists(st.lists(st.integers(), max_size=4), max_size=4),
                  st.data())
def test_matches_list_concatenation(parts, data):
    ds = datasets.ConcatenatedDataset(*parts)
    flat = [v for part in parts for v in part]
    assert len(ds) == len(flat)
    assert [ds[i] for i in range(len(ds))] == flat
    step = data.draw(st.sampled_from([1, 2, -1]))
    assert ds[::step] == flat[::step]
    with pytest.raises(IndexError):
        ds[len(flat)]
    with pytest.raises(IndexError):
        ds.get_example(-1)
