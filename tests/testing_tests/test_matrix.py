"""testing.generate_matrix."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import testing


@hypothesis.given(
    dtype=st.sampled_from([numpy.float32, numpy.float64, numpy.complex128]),
    batch=st.lists(st.integers(1, 2), max_size=2),
    m=st.integers(1, 4), n=st.integers(1, 4), seed=st.integers(0, 1000))
def test_singular_values(dtype, batch, m, n, seed):
    numpy.random.seed(seed)
    shape = tuple(batch) + (m, n)
    sv = numpy.random.uniform(0.5, 1.5, tuple(batch) + (min(m, n),))
    a = testing.generate_matrix(shape, dtype=dtype, singular_values=sv)
    assert a.shape == shape and a.dtype == dtype
    s = numpy.linalg.svd(a.astype(numpy.complex128), compute_uv=False)
    numpy.testing.assert_allclose(s, numpy.sort(sv, axis=-1)[..., ::-1],
                                  rtol=1e-5)


def test_empty_and_invalid():
    assert testing.generate_matrix((0, 2, 3), singular_values=1).shape == (
        0, 2, 3)
    with pytest.raises(TypeError):
        testing.generate_matrix((2, 2))
    with pytest.raises(ValueError):
        testing.generate_matrix((2,), singular_values=1)
    with pytest.raises(TypeError):
        testing.generate_matrix((2, 2), dtype=numpy.int32, singular_values=1)
    with pytest.raises(TypeError):
        testing.generate_matrix((2, 2), singular_values=1j)
    with pytest.raises(ValueError):
        testing.generate_matrix((2, 2), singular_values=[1, -1])
    with pytest.raises(ValueError):
        testing.generate_matrix((0, 2, 2), singular_values=numpy.ones(3))
