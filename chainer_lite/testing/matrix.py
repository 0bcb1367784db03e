"""Random matrices with prescribed singular values."""
import numpy


_broadcast_to = numpy.broadcast_to


def generate_matrix(shape, dtype=float, *, singular_values=None):
    """Generates random matrices with given singular values.

    The matrices are ``U @ diag(s) @ V^H`` with random orthonormal ``U`` and
    ``V``, which keeps tests of e.g. inverses away from ill-conditioned
    inputs.

    Args:
        shape (tuple of int): Shape ``(B..., M, N)`` of the result.
        dtype: A float or complex dtype.
        singular_values (array-like): Non-negative real values broadcastable
            to ``(B..., min(M, N))``.

    Returns:
        numpy.ndarray: The generated matrices.

    Example:

        >>> import numpy
        >>> from chainer_lite import testing
        >>> a = testing.generate_matrix((3, 3), singular_values=[3, 2, 1])
        >>> numpy.allclose(numpy.linalg.svd(a, compute_uv=False), [3, 2, 1])
        True
    """
    if len(shape) <= 1:
        raise ValueError(
            'shape {} is invalid for matrices: too few axes'.format(shape))
    dtype = numpy.dtype(dtype)
    if dtype.kind not in 'fc':
        raise TypeError('dtype {} is not supported'.format(dtype))
    if singular_values is None:
        raise TypeError('singular_values is not given')
    singular_values = numpy.asarray(singular_values)
    if not numpy.isrealobj(singular_values):
        raise TypeError('singular_values is not real')
    if (singular_values < 0).any():
        raise ValueError('negative singular value is given')

    k = min(shape[-2:])
    # Broadcasting first also reports a shape mismatch for empty shapes.
    singular_values = _broadcast_to(singular_values, shape[:-2] + (k,))
    if 0 in shape:
        return numpy.empty(shape, dtype=dtype)

    a = numpy.random.randn(*shape)
    if dtype.kind == 'c':
        a = a + 1j * numpy.random.randn(*shape)
    u, _, vh = numpy.linalg.svd(a, full_matrices=False)
    a = numpy.einsum('...ik,...k,...kj->...ij', u, singular_values, vh)
    return a.astype(dtype)
