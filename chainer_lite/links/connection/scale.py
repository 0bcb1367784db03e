"""L.Scale: multiplies by a learned (or given) scale, then adds a bias."""
from chainer_lite.functions.math import scale
from chainer_lite import link
from chainer_lite.links.connection import bias
from chainer_lite import variable


class Scale(link.Chain):
    """Multiplies the input by a scale broadcast from axis ``axis`` on.

    With ``W_shape`` the scale is a parameter ``W`` (initialized to one) and
    the link takes one input; without it the link takes the input and the
    scale as two arguments. With ``bias_term`` a :class:`Bias` child
    ``bias`` is added after scaling.

    Args:
        axis (int): First axis of the input the scale is aligned with.
        W_shape (tuple of ints): Shape of the learned scale, or ``None``.
        bias_term (bool): Whether to add a learned bias.
        bias_shape (tuple of ints): Shape of the bias when ``W_shape`` is
            ``None`` (required then with ``bias_term``).

    .. seealso:: :func:`~chainer.functions.scale`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> link = L.Scale(W_shape=(2,), bias_term=True)
        >>> link(np.ones((3, 2), np.float32)).shape
        (3, 2)
        >>> [name for name, _ in link.namedparams()]
        ['/W', '/bias/b']
    """

    def __init__(self, axis=1, W_shape=None, bias_term=False, bias_shape=None):
        super(Scale, self).__init__()
        self.axis = axis
        learned = W_shape is not None
        if bias_term and not learned and bias_shape is None:
            raise ValueError(
                'bias_shape should be given if W is not '
                'learnt parameter and bias_term is True.')
        with self.init_scope():
            if learned:
                self.W = variable.Parameter(1, W_shape)
            if bias_term:
                # A learned scale fixes the bias shape too.
                self.bias = bias.Bias(
                    axis, W_shape if learned else bias_shape)

    def forward(self, *xs):
        """Scales (and shifts) the input.

        Args:
            xs: ``x`` alone (learned scale) or ``x, y`` (``y`` is the
                scale).

        Returns:
            ~chainer.Variable: The result.
        """
        x, factor = bias._split_inputs(xs, getattr(self, 'W', None))
        z = scale.scale(x, factor, self.axis)
        shift = getattr(self, 'bias', None)
        return z if shift is None else shift(z)
