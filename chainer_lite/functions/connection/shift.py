"""Shift: moves channel groups by fixed offsets (zero-FLOP spatial mixing)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return x
    return x, x


def _dst(shift, size):
    # The positions along an axis of length ``size`` that receive a value
    # when the axis is shifted by ``shift`` (the source is ``_dst(-shift)``).
    length = max(size - abs(shift), 0)
    start = max(shift, 0)
    return slice(start, start + length)


class Shift(function_node.FunctionNode):

    """Shifts each of ``kh * kw`` channel groups by one kernel offset."""

    def __init__(self, ksize=3, dilate=1):
        super(Shift, self).__init__()
        self.kh, self.kw = _pair(ksize)
        if self.kh % 2 != 1:
            raise ValueError('kh must be odd')
        if self.kw % 2 != 1:
            raise ValueError('kw must be odd')
        self.dy, self.dx = _pair(dilate)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape[1] >= self.kh * self.kw,
        )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        c, h, w = x.shape[1:]
        n_groups = self.kh * self.kw
        group_size = c // n_groups
        center = (n_groups - 1) // 2
        y = xp.zeros_like(x)
        for i in range(n_groups):
            # Group i takes offset i, except that the centre group and the
            # last one swap: the last group (which also takes the channels
            # left over by the division) stays in place.
            offset = {center: n_groups - 1, n_groups - 1: center}.get(i, i)
            sy = (offset // self.kw - self.kh // 2) * self.dy
            sx = (offset % self.kw - self.kw // 2) * self.dx
            channels = slice(i * group_size,
                             (i + 1) * group_size if i < n_groups - 1
                             else None)
            # y[.., r, q] = x[.., r - sy, q - sx], zero outside the image.
            y[:, channels, _dst(sy, h), _dst(sx, w)] = \
                x[:, channels, _dst(-sy, h), _dst(-sx, w)]
        return y,

    def backward(self, indexes, grad_outputs):
        # Shifting back by the opposite offsets is the adjoint.
        gy, = grad_outputs
        back = (-self.dy, -self.dx)
        return shift(gy, ksize=(self.kh, self.kw), dilate=back),


def shift(x, ksize=3, dilate=1):
    """Shift function.

    The channels are split into ``kh * kw`` groups; each group is shifted
    spatially by one of the kernel offsets (times the dilation), filling
    with zeros, so that a following 1x1 convolution mixes neighbouring
    pixels. See `Shift: A Zero FLOP, Zero Parameter Alternative to Spatial
    Convolutions <https://arxiv.org/abs/1711.08141>`_.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c, h, w)` with :math:`c \\geq k_H k_W`.
        ksize (int or pair of ints): Size of the (odd) kernel.
        dilate (int or pair of ints): Dilation factor of the offsets.

    Returns:
        ~chainer.Variable: Output of the same shape as ``x``.

    Example:

        >>> x = np.ones((1, 9, 3, 3), dtype=np.float32)
        >>> y = F.shift(x)
        >>> y.array[0, 0]
        array([[1., 1., 0.],
               [1., 1., 0.],
               [0., 0., 0.]], dtype=float32)
    """
    fnode = Shift(ksize, dilate)
    y, = fnode.apply((x,))
    return y
