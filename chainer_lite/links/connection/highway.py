"""L.Highway: a highway layer mixing a transformed input with the input."""
from chainer_lite.functions.activation import relu
from chainer_lite.functions.activation import sigmoid
from chainer_lite import link
from chainer_lite.links.connection import linear


class Highway(link.Chain):
    """Highway layer: ``y = H(x) * T(x) + x * (1 - T(x))``.

    ``H(x) = activate(plain(x))`` and ``T(x) = sigmoid(transform(x))`` with
    two square :class:`~chainer.links.Linear` children. The transform bias
    starts at -1 so the layer initially favours carrying the input.

    Reference: Srivastava et al., https://arxiv.org/abs/1505.00387

    Args:
        in_out_size (int): Input and output dimension.
        nobias (bool): If ``True``, the linear maps have no bias.
        activate (callable): Activation of the plain path.
        init_Wh: Initializer of the plain weight.
        init_Wt: Initializer of the transform weight.
        init_bh: Initializer of the plain bias.
        init_bt: Initializer of the transform bias (-1).

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> L.Highway(3)(np.zeros((2, 3), np.float32)).shape
        (2, 3)
    """

    def __init__(self, in_out_size, nobias=False, activate=relu.relu,
                 init_Wh=None, init_Wt=None, init_bh=None, init_bt=-1):
        super(Highway, self).__init__()
        self.activate = activate

        with self.init_scope():
            self.plain = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wh, initial_bias=init_bh)
            self.transform = linear.Linear(
                in_out_size, in_out_size, nobias=nobias,
                initialW=init_Wt, initial_bias=init_bt)

    def forward(self, x):
        """Applies the highway layer.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, in_out_size)``.

        Returns:
            ~chainer.Variable: Output of the same shape.
        """
        candidate = self.activate(self.plain(x))
        gate = sigmoid.sigmoid(self.transform(x))
        # The gate mixes the candidate in; the rest of x passes unchanged.
        return candidate * gate + x * (1 - gate)
