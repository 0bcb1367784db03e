"""L.Linear: the fully-connected layer ``y = x W^T + b``."""
from chainer_lite.functions.connection import linear
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite import utils
from chainer_lite import variable


class Linear(link.Link):
    """Fully-connected layer holding a weight ``W`` and a bias ``b``.

    ``W`` has shape ``(out_size, in_size)`` and is drawn from
    :class:`~chainer.initializers.LeCunNormal` unless ``initialW`` says
    otherwise; ``b`` (absent with ``nobias``) starts at zero unless
    ``initial_bias`` says otherwise. With ``in_size=None`` (or a single
    size argument, taken as ``out_size``) ``W`` is created at the first
    call, from the size of the input.

    Args:
        in_size (int or None): Input dimension, or ``None`` to infer it.
        out_size (int): Output dimension.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.

    .. seealso:: :func:`~chainer.functions.linear`

    Attributes:
        W (~chainer.Parameter): Weight matrix.
        b (~chainer.Parameter): Bias vector (``None`` with ``nobias``).

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> layer = L.Linear(3, 2)
        >>> layer.W.shape, layer.b.shape
        ((2, 3), (2,))
        >>> layer(np.zeros((4, 3), np.float32)).shape
        (4, 2)
        >>> lazy = L.Linear(2)
        >>> lazy.W.array is None
        True
        >>> lazy(np.zeros((1, 5), np.float32)).shape
        (1, 2)
        >>> lazy.W.shape
        (2, 5)
    """

    def __init__(self, in_size, out_size=None, nobias=False,
                 initialW=None, initial_bias=None):
        super(Linear, self).__init__()
        if out_size is None:
            in_size, out_size = None, in_size
        self.in_size = in_size
        self.out_size = out_size

        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_size is not None:
                self._initialize_params(in_size)

            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer, out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    @classmethod
    def from_params(cls, W, b=None, nobias=False):
        """Builds a Linear link holding copies of given arrays.

        Args:
            W (~chainer.Variable or :ref:`ndarray`): Weight, of shape
                ``(out_size, in_size)``.
            b (~chainer.Variable or :ref:`ndarray`): Bias, or ``None`` (zero).
            nobias (bool): If ``True``, ``b`` is ignored and there is no
                bias.

        Returns:
            Linear: The new link.
        """
        out_size, in_size = W.shape
        if b is not None and out_size != b.size:
            raise ValueError('`out_size` does not match the size of `b`')
        return cls(
            in_size, out_size, nobias,
            initialW=variable.as_array(W), initial_bias=variable.as_array(b))

    @property
    def printable_specs(self):
        yield 'in_size', self.in_size
        yield 'out_size', self.out_size
        yield 'nobias', self.b is None

    def forward(self, x, n_batch_axes=1):
        """Applies the layer.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input; the axes after
                the first ``n_batch_axes`` are flattened into the input
                dimension.
            n_batch_axes (int): Number of leading batch axes.

        Returns:
            ~chainer.Variable: Output of shape
            ``x.shape[:n_batch_axes] + (out_size,)``.
        """
        if self.W.array is None:
            self._initialize_params(
                utils.size_of_shape(x.shape[n_batch_axes:]))
        return linear.linear(x, self.W, self.b, n_batch_axes=n_batch_axes)
