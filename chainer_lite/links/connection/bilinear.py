"""L.Bilinear: the bilinear layer ``y = e1^T W e2 + V1^T e1 + V2^T e2 + b``."""
from chainer_lite import backend
from chainer_lite.functions.connection import bilinear
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite import variable


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
        shapes = [('W', (left_size, right_size, out_size), initialW)]
        if not nobias:
            if initial_bias is None:
                # Linear terms default like Linear: LeCunNormal and zero.
                v1_init, v2_init, b_init = None, None, 0
            elif isinstance(initial_bias, tuple):
                v1_init, v2_init, b_init = initial_bias
            else:
                raise ValueError('initial_bias must be tuple or None')
            shapes += [('V1', (left_size, out_size), v1_init),
                       ('V2', (right_size, out_size), v2_init),
                       ('b', (out_size,), b_init)]
        # Arrays given as initial values must have the parameter's shape.
        for _, shape, init in shapes:
            if isinstance(init, backend.get_array_types()):
                assert init.shape == shape
        with self.init_scope():
            for name, shape, init in shapes:
                setattr(self, name, variable.Parameter(
                    initializers._get_initializer(init), shape))

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
        linear_terms = () if self.nobias else (self.V1, self.V2, self.b)
        return bilinear.bilinear(e1, e2, self.W, *linear_terms)

    def zero_grads(self):
        """Fills the gradients with zeros (deprecated; use ``cleargrads``)."""
        self.zerograds()
