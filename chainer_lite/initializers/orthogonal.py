"""Initializer producing (semi-)orthogonal weight matrices."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer
from chainer_lite.initializers import _common
from chainer_lite import utils


# mode -> (require in_dim <= out_dim, require in_dim >= out_dim)
_orthogonal_constraints = {
    'auto': (False, False),
    'projection': (False, True),
    'embedding': (True, False),
    'basis': (True, True),
}


def _orthogonal_matrix(rng, n_rows, n_cols, scale):
    # ``scale`` times a matrix with orthonormal rows or columns (whichever
    # are fewer), taken from the QR decomposition of a Gaussian matrix;
    # giving Q the signs of R's diagonal makes it Haar distributed.
    drawn = rng.normal(size=(n_rows, n_cols))
    gauss = numpy.empty(drawn.shape, dtype=drawn.dtype)
    backend.copyto(gauss, drawn)  # QR runs in NumPy, even for CuPy rng
    wide = n_cols > n_rows
    q, r = numpy.linalg.qr(gauss.T if wide else gauss)
    q *= numpy.copysign(scale, numpy.diag(r))
    return q.T if wide else q


class Orthogonal(initializer.Initializer):
    """Initializes an array with a scaled (semi-)orthogonal matrix.

    The array is seen as a matrix of ``len(array)`` rows (all other axes
    flattened). A matrix of standard Gaussian samples (always drawn with
    NumPy) is QR-decomposed, with the signs fixed so that the diagonal of R
    is non-negative; Q (transposed when there are more columns than rows)
    times ``scale`` fills the array. A 0-dim array gets ``scale`` with a
    random sign.

    Reference: Saxe, McClelland and Ganguli (2014),
    https://arxiv.org/abs/1312.6120

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
        self.rng = _common.take_rng(kwargs)
        try:
            self._checks = _orthogonal_constraints[mode]
        except KeyError:
            raise ValueError(
                'Invalid mode: {}. Choose from {}.'.format(
                    repr(mode),
                    ', '.join(repr(m) for m in _orthogonal_constraints)))
        super(Orthogonal, self).__init__(dtype)

    def __call__(self, array):
        _common.check_dtype(self, array)
        rng = numpy.random if self.rng is None else self.rng
        if array.ndim == 0:
            # A scalar is "orthogonal" with either sign.
            array[...] = self.scale * (2 * int(rng.randint(2)) - 1)
            return
        if array.size == 0:
            raise ValueError('Array to be initialized must be non-empty.')
        # Rows are the outputs; everything else is flattened into inputs.
        n_out, n_in = len(array), utils.size_of_shape(array.shape[1:])
        forbid_wide, forbid_tall = self._checks
        if ((n_in > n_out and forbid_wide)
                or (n_in < n_out and forbid_tall)):
            raise ValueError(
                'Cannot make orthogonal {}. '
                'shape = {}, interpreted as '
                '{}-dim input and {}-dim output.'.format(
                    self.mode, array.shape, n_in, n_out))
        q = _orthogonal_matrix(rng, n_out, n_in, self.scale)
        backend.copyto(
            array, q.reshape(array.shape).astype(array.dtype, copy=False))
