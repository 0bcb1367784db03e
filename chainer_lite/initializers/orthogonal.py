"""Initializer producing (semi-)orthogonal weight matrices."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer
from chainer_lite import utils
from chainer_lite.utils import argument


# mode -> (require in_dim <= out_dim, require in_dim >= out_dim)
_orthogonal_constraints = {
    'auto': (False, False),
    'projection': (False, True),
    'embedding': (True, False),
    'basis': (True, True),
}


class Orthogonal(initializer.Initializer):
    """Initializes an array with a scaled (semi-)orthogonal matrix.

    The array is seen as a matrix of ``len(array)`` rows (all other axes
    flattened). A matrix of standard Gaussian samples (always drawn with
    NumPy) is QR-decomposed, with the signs fixed so that the diagonal of R
    is non-negative; Q (transposed when there are more columns than rows)
    times ``scale`` fills the array. A 0-dim array gets ``scale`` with a
    random sign.

    Reference: Saxe et al., https://arxiv.org/abs/1312.6120

    Args:
        scale (float): Factor of the orthogonal matrix.
        dtype: Data type specifier.
        mode (str): Shape requirement: ``'auto'`` (none), ``'projection'``
            (rows <= columns), ``'embedding'`` (rows >= columns) or
            ``'basis'`` (square).
        rng (xp.random.RandomState): Random number generator to draw from.

    Example:

        >>> import numpy as np
        >>> from chainer import initializers
        >>> a = np.empty((3, 3), np.float64)
        >>> initializers.Orthogonal(scale=1.0)(a)
        >>> np.allclose(a.dot(a.T), np.eye(3))
        True
    """

    def __init__(self, scale=1.1, dtype=None, mode='auto', **kwargs):
        self.scale = scale
        self.mode = mode
        self.rng, = argument.parse_kwargs(kwargs, ('rng', None))
        try:
            self._checks = _orthogonal_constraints[mode]
        except KeyError:
            raise ValueError(
                'Invalid mode: {}. Choose from {}.'.format(
                    repr(mode),
                    ', '.join(repr(m) for m in _orthogonal_constraints)))
        super(Orthogonal, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype, '{} != {}'.format(
                array.dtype, self.dtype)
        rng = numpy.random if self.rng is None else self.rng
        if not array.shape:
            sign = 2 * int(rng.randint(2)) - 1
            array[...] = self.scale * sign
            return
        if not array.size:
            raise ValueError('Array to be initialized must be non-empty.')
        out_dim = len(array)
        in_dim = utils.size_of_shape(array.shape[1:])
        if (in_dim > out_dim and self._checks[0]) or (
                in_dim < out_dim and self._checks[1]):
            raise ValueError(
                'Cannot make orthogonal {}. '
                'shape = {}, interpreted as '
                '{}-dim input and {}-dim output.'.format(
                    self.mode, array.shape, in_dim, out_dim))
        transpose = in_dim > out_dim
        samples = rng.normal(size=(out_dim, in_dim))
        # The decomposition runs in NumPy even for a CuPy generator.
        a = numpy.empty(samples.shape, dtype=samples.dtype)
        backend.copyto(a, samples)
        if transpose:
            a = a.T
        q, r = numpy.linalg.qr(a)
        q *= numpy.copysign(self.scale, numpy.diag(r))
        if transpose:
            q = q.T
        backend.copyto(array, q.reshape(array.shape).astype(
            array.dtype, copy=False))
