"""L.Maxout: a linear layer followed by a maximum over groups of units."""
import numpy

from chainer_lite import backend
from chainer_lite.functions.activation import maxout
from chainer_lite import initializer
from chainer_lite import link
from chainer_lite.links.connection import linear


def _reshaping_initializer(init, shape, flat_shape):
    # Runs ``init`` on the array viewed with ``shape`` (the shape users
    # think of), then restores ``flat_shape`` (the shape of the parameter).
    def initialize(array):
        array.shape = shape
        init(array)
        array.shape = flat_shape
    return initialize


def _to_flat_layout(init, name, grouped_shape, flat_shape):
    # Scalars and Initializer objects fill any shape: passed through.
    if (init is None or numpy.isscalar(init)
            or isinstance(init, initializer.Initializer)):
        return init
    if isinstance(init, backend.get_array_types()):
        if init.ndim != len(grouped_shape):
            raise ValueError(
                '{}.ndim should be {}'.format(name, len(grouped_shape)))
        return init.reshape(flat_shape)
    if callable(init):
        return _reshaping_initializer(init, grouped_shape, flat_shape)
    return init


class Maxout(link.Chain):
    """Maxout layer: ``y_i = max_j (W_ij x + b_ij)``.

    A child :class:`~chainer.links.Linear` ``linear`` maps the input to
    ``out_size * pool_size`` units, then :func:`~chainer.functions.maxout`
    takes the maximum over each group of ``pool_size``. Array initializers
    have the shapes ``(out_size, pool_size, in_size)`` and
    ``(out_size, pool_size)``; callable ones are called on arrays of those
    shapes.

    Reference: Goodfellow et al., https://arxiv.org/abs/1302.4389

    Args:
        in_size (int): Input dimension.
        out_size (int): Output dimension.
        pool_size (int): Number of units pooled into each output.
        initialW: Initializer of the weight.
        initial_bias: Initializer of the bias; ``None`` for no bias.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.Maxout(3, 2, 4)
        >>> layer.linear.W.shape
        (8, 3)
        >>> layer(np.zeros((5, 3), np.float32)).shape
        (5, 2)
    """

    def __init__(self, in_size, out_size, pool_size,
                 initialW=None, initial_bias=0):
        super(Maxout, self).__init__()

        n_flat = out_size * pool_size
        # Initial values come in the maxout layout, (out, pool, in) and
        # (out, pool); the Linear child stores them flattened.
        initialW = _to_flat_layout(
            initialW, 'initialW', (out_size, pool_size, in_size),
            (n_flat, in_size))
        initial_bias = _to_flat_layout(
            initial_bias, 'initial_bias', (out_size, pool_size), (n_flat,))

        with self.init_scope():
            self.linear = linear.Linear(
                in_size, n_flat,
                nobias=initial_bias is None, initialW=initialW,
                initial_bias=initial_bias)

        self.out_size = out_size
        self.pool_size = pool_size

    def forward(self, x):
        """Takes the maximum of each pool of affine outputs.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input ``(n, in_size)``.

        Returns:
            ~chainer.Variable: Output ``(n, out_size)``.
        """
        return maxout.maxout(self.linear(x), self.pool_size)
