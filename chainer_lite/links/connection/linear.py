"""L.Linear: the fully-connected layer ``y = x W^T + b``."""
from chainer_lite.functions.connection import linear
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util
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
        if out_size is None:  # a single size is the output size
            in_size, out_size = None, in_size
        self.in_size, self.out_size = in_size, out_size

        with self.init_scope():
            self.W = _params.new_weight(initialW)
            if in_size is not None:
                self._initialize_params(in_size)
            self.b = _params.new_bias(out_size, nobias, initial_bias)

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
        n_out, n_in = W.shape
        _util._check_bias_size(b, n_out, 'out_size')
        W, b = variable.as_array(W), variable.as_array(b)
        return cls(n_in, n_out, nobias=nobias, initialW=W, initial_bias=b)

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
        W = self.W
        if W._data[0] is None:
            # Every axis after the batch axes feeds the layer.
            self._initialize_params(
                utils.size_of_shape(x.shape[n_batch_axes:]))
        return linear.linear(x, W, self.b, n_batch_axes)
