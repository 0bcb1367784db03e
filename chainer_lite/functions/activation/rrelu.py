"""Randomized leaky ReLU: ``x`` if non-negative, else ``r * x`` (random r)."""
from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import function_node
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


def _scale_negative(cond, x, r):
    # x where cond >= 0, r * x elsewhere.
    xp = backend.get_array_module(x)
    return xp.where(cond >= 0, x, x * r)


class RReLU(function_node.FunctionNode):

    """Leaky ReLU whose negative slopes are drawn at random."""

    def __init__(self, lower=1. / 8, upper=1. / 3, r=None):
        if not 0.0 <= lower < 1.0:
            raise ValueError('lower must be in the range [0, 1)')
        if not 0.0 <= upper < 1.0:
            raise ValueError('upper must be in the range [0, 1)')
        if not lower < upper:
            raise ValueError('lower must be less than upper')
        self.lower = lower
        self.upper = upper
        self.r = r

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
        if self.r is not None:
            type_check.expect(x_type.dtype == self.r.dtype)
            type_check.expect(x_type.shape == self.r.shape)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        if not configuration.config.train:
            # At test time every slope is the mean of the distribution.
            self.r = xp.full_like(x, (self.lower + self.upper) / 2)
        elif self.r is None:
            slopes = xp.random.uniform(self.lower, self.upper, x.shape)
            self.r = slopes.astype(x.dtype, copy=False)
        self.retain_outputs((0,))
        return _scale_negative(x, x, self.r),

    def backward(self, indexes, grad_outputs):
        # y has the sign of x, so it tells which slope applied.
        y, = self.get_retained_outputs()
        return _RReLUGrad(y.array, self.r).apply(grad_outputs)


class _RReLUGrad(function_node.FunctionNode):

    # Linear in gy (y and r are constants), hence its own derivative.

    def __init__(self, y, r):
        self.r = r
        self.y = y

    def forward(self, inputs):
        gy, = inputs
        return _scale_negative(self.y, gy, self.r),

    def backward(self, indexes, grad_outputs):
        return type(self)(self.y, self.r).apply(grad_outputs)


def rrelu(x, l=1. / 8, u=1. / 3, **kwargs):
    """rrelu(x, l=1. / 8, u=1. / 3, *, r=None, return_r=False)

    Randomized Leaky Rectified Linear Unit function.

    Computes :math:`f(x) = \\max(x, rx)` where each :math:`r` is drawn from
    the uniform distribution :math:`U(l, u)` in training mode; in test mode
    (``chainer.config.train`` False) :math:`r = (l + u) / 2`
    (https://arxiv.org/abs/1505.00853).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.
        l (float): The lower bound of the distribution of :math:`r`.
        u (float): The upper bound of the distribution of :math:`r`.
        r (:ref:`ndarray` or None): The slopes to use, of the shape and
            dtype of ``x`` (then ``l`` and ``u`` are not used for sampling).
        return_r (bool): Also return the slopes used, so that they can be
            passed as ``r`` later.

    Returns:
        ~chainer.Variable or tuple: The output variable, or the pair of it
        and the ``r`` array when ``return_r`` is true.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> x = np.array([-1.0, 2.0], np.float32)
        >>> with chainer.using_config('train', False):
        ...     F.rrelu(x, l=0.0, u=0.5).array
        array([-0.25,  2.  ], dtype=float32)
    """
    r, return_r = argument.parse_kwargs(
        kwargs, ('r', None), ('return_r', False),
        train='train argument is not supported anymore. '
              'Use chainer.using_config')
    node = RReLU(l, u, r)
    y, = node.apply((x,))
    return (y, node.r) if return_r else y
