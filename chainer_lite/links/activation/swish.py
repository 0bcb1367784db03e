"""L.Swish: ``x * sigmoid(beta * x)`` with a learned ``beta``."""
from chainer_lite.functions.activation import swish
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite import variable


class Swish(link.Link):
    """Swish activation with a learned parameter ``beta``.

    ``beta`` is broadcast over the input from axis 1 on. With
    ``beta_shape=None`` its shape is taken from the first input
    (``x.shape[1:]``).

    Reference: Ramachandran et al., https://arxiv.org/abs/1710.05941

    Args:
        beta_shape (tuple of ints or None): Shape of ``beta``.
        beta_init (float): Initial value of ``beta``.

    .. seealso:: :func:`~chainer.functions.swish`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.Swish(None)
        >>> layer(np.zeros((2, 3), np.float32)).shape
        (2, 3)
        >>> layer.beta.shape
        (3,)
    """

    def __init__(self, beta_shape, beta_init=1.0):
        super(Swish, self).__init__()
        # Without a shape the value waits in a Constant initializer until
        # the first input fixes the shape.
        if beta_shape is None:
            beta_init = initializers.Constant(beta_init)
        with self.init_scope():
            self.beta = variable.Parameter(beta_init, shape=beta_shape)

    def forward(self, x):
        """Applies the Swish function.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input.

        Returns:
            ~chainer.Variable: Output of the same shape.
        """
        beta = self.beta
        if beta.array is None:
            beta.initialize(x.shape[1:])  # one value per non-batch element
        return swish.swish(x, beta)
