"""L.Bilinear: the bilinear layer ``y = e1^T W e2 + V1^T e1 + V2^T e2 + b``."""
from chainer_lite import backend
from chainer_lite.functions.connection import bilinear
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite import variable


def _check_shape(initial, shape):
    if isinstance(initial, backend.get_array_types()):
        assert initial.shape == shape


class Bilinear(link.Link):
    """Bilinear layer on two input vectors.

    ``W`` has shape ``(left_size, right_size, out_size)``; unless
    ``nobias``, ``V1`` ``(left_size, out_size)``, ``V2``
    ``(right_size, out_size)`` and ``b`` ``(out_size,)`` add the linear
    terms. Weights are LeCunNormal and ``b`` zero by default.

    Args:
        left_size (int): Dimension of the first input.
        right_size (int): Dimension of the second input.
        out_size (int): Output dimension.
        nobias (bool): If ``True``, only the bilinear term is used.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (tuple): Initializers ``(V1, V2, b)``, or ``None``.

    .. seealso:: :func:`~chainer.functions.bilinear`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.Bilinear(2, 3, 4)
        >>> e1 = np.ones((5, 2), np.float32)
        >>> e2 = np.ones((5, 3), np.float32)
        >>> layer(e1, e2).shape
        (5, 4)
    """

    def __init__(self, left_size, right_size, out_size, nobias=False,
                 initialW=None, initial_bias=None):
        super(Bilinear, self).__init__()
        self.in_sizes = (left_size, right_size)
        self.nobias = nobias

        with self.init_scope():
            shape = (left_size, right_size, out_size)
            _check_shape(initialW, shape)
            self.W = variable.Parameter(
                initializers._get_initializer(initialW), shape)

            if not self.nobias:
                V1_shape = (left_size, out_size)
                V2_shape = (right_size, out_size)
                b_shape = (out_size,)
                if isinstance(initial_bias, tuple):
                    initialV1, initialV2, initialb = initial_bias
                    _check_shape(initialV1, V1_shape)
                    _check_shape(initialV2, V2_shape)
                    _check_shape(initialb, b_shape)
                    initialV1 = initializers._get_initializer(initialV1)
                    initialV2 = initializers._get_initializer(initialV2)
                    initialb = initializers._get_initializer(initialb)
                elif initial_bias is None:
                    initialV1 = initializers._get_initializer(None)
                    initialV2 = initializers._get_initializer(None)
                    initialb = 0
                else:
                    raise ValueError('initial_bias must be tuple or None')

                self.V1 = variable.Parameter(initialV1, V1_shape)
                self.V2 = variable.Parameter(initialV2, V2_shape)
                self.b = variable.Parameter(initialb, b_shape)

    def forward(self, e1, e2):
        """Applies the bilinear layer.

        Args:
            e1 (~chainer.Variable or :ref:`ndarray`): Left input
                ``(n, left_size)``.
            e2 (~chainer.Variable or :ref:`ndarray`): Right input
                ``(n, right_size)``.

        Returns:
            ~chainer.Variable: Output ``(n, out_size)``.
        """
        if self.nobias:
            return bilinear.bilinear(e1, e2, self.W)
        return bilinear.bilinear(e1, e2, self.W, self.V1, self.V2, self.b)

    def zero_grads(self):
        """Fills the gradients with zeros (deprecated; use ``cleargrads``)."""
        self.zerograds()
