"""L.PReLU: leaky ReLU with a learned slope."""
from chainer_lite.functions.activation import prelu
from chainer_lite import link
from chainer_lite import variable


class PReLU(link.Link):
    """Parametric ReLU: ``max(x, 0) + W * min(x, 0)`` with a learned ``W``.

    ``W`` is broadcast over the input from axis 1 on.

    Reference: He et al., https://arxiv.org/abs/1502.01852

    Args:
        shape (tuple of ints): Shape of ``W`` (``()``: one shared slope).
        init (float): Initial slope.

    .. seealso:: :func:`~chainer.functions.prelu`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.PReLU()
        >>> layer(np.array([[-4., 2.]], np.float32)).array
        array([[-1.,  2.]], dtype=float32)
    """

    def __init__(self, shape=(), init=0.25):
        super(PReLU, self).__init__()
        with self.init_scope():
            self.W = variable.Parameter(init, shape)

    def forward(self, x):
        """Applies the parametric ReLU.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input.

        Returns:
            ~chainer.Variable: Output of the same shape.
        """
        return prelu.prelu(x, self.W)
