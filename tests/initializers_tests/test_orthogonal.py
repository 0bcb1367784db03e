"""Orthogonal initializer: orthogonality, scale, modes and NumPy draws."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import initializers


@hypothesis.given(rows=st.integers(1, 6), cols=st.integers(1, 6),
                  scale=st.floats(0.5, 2.0))
@hypothesis.settings(max_examples=20, deadline=None)
def test_orthogonal_rows_or_columns(rows, cols, scale):
    a = numpy.empty((rows, cols), numpy.float64)
    initializers.Orthogonal(scale)(a)
    if rows <= cols:
        gram = a.dot(a.T)
        n = rows
    else:
        gram = a.T.dot(a)
        n = cols
    numpy.testing.assert_allclose(gram, scale ** 2 * numpy.eye(n), atol=1e-10)


def test_same_draws_as_chainer():
    # Q of the QR decomposition of a standard normal matrix drawn with
    # numpy.random.normal, signs fixed by the diagonal of R.
    numpy.random.seed(5)
    a = numpy.empty((3, 2, 2), numpy.float32)
    initializers.Orthogonal(1.1)(a)
    numpy.random.seed(5)
    m = numpy.random.normal(size=(3, 4)).T
    q, r = numpy.linalg.qr(m)
    q *= numpy.copysign(1.1, numpy.diag(r))
    numpy.testing.assert_array_equal(
        a, q.T.reshape(3, 2, 2).astype(numpy.float32))


def test_zero_dim():
    a = numpy.empty((), numpy.float32)
    initializers.Orthogonal(2.0)(a)
    assert abs(float(a)) == 2.0


def test_empty_array():
    with pytest.raises(ValueError, match='non-empty'):
        initializers.Orthogonal()(numpy.empty((0, 3)))


@pytest.mark.parametrize('mode,shape', [
    ('embedding', (2, 3)),
    ('projection', (3, 2)),
    ('basis', (2, 3)),
    ('basis', (3, 2)),
])
def test_mode_constraints(mode, shape):
    with pytest.raises(ValueError, match='Cannot make orthogonal ' + mode):
        initializers.Orthogonal(mode=mode)(numpy.empty(shape))


def test_invalid_mode():
    with pytest.raises(ValueError, match='Invalid mode'):
        initializers.Orthogonal(mode='foo')
