"""Two-dimensional local convolution: a convolution with unshared filters."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return x
    return x, x


# Layout used by all three products: one (sample x feature) matrix per
# output position p = (i, j), so that each product is a matmul batched over
# the positions.

def _windows(x, ksize, stride, outs, dtype):
    # (n, c, h, w) -> (P, n, c * kh * kw)
    col = _util.im2col(x, ksize, stride, (0, 0), (1, 1), outs, dtype)
    n = len(x)
    return col.reshape(n, -1, outs[0] * outs[1]).transpose(2, 0, 1)


def _filters(W, dtype):
    # (o, oh, ow, c, kh, kw) -> (P, c * kh * kw, o)
    o, oh, ow = W.shape[:3]
    return W.astype(dtype, copy=False).reshape(o, oh * ow, -1).transpose(
        1, 2, 0)


def _unpositions(a, shape):
    # (P, n, o) -> (n, o, oh, ow)
    return a.transpose(1, 2, 0).reshape(shape)


def _positions(a, dtype):
    # (n, o, oh, ow) -> (P, n, o)
    n, o = a.shape[:2]
    return a.astype(dtype, copy=False).reshape(n, o, -1).transpose(2, 0, 1)


class LocalConvolution2DFunction(function_node.FunctionNode):

    """Convolution whose filter ``W[:, i, j]`` differs at every output pixel.

    ``W`` has shape ``(c_O, h_O, w_O, c_I, k_H, k_W)``; there is no padding.
    """

    def __init__(self, stride=1):
        self.sy, self.sx = _pair(stride)

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 4,
            w_type.ndim == 6,
            x_type.shape[1] == w_type.shape[3],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 3,
                b_type.shape == w_type.shape[:3]
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        xp = backend.get_array_module(*inputs)
        dtype = _util.compute_dtype(x.dtype, W.dtype)
        outs = W.shape[1:3]
        col = _windows(x, W.shape[4:], (self.sy, self.sx), outs, dtype)
        y = _unpositions(xp.matmul(col, _filters(W, dtype)),
                         (len(x), W.shape[0]) + outs)
        y = y.astype(x.dtype, copy=False)
        if len(inputs) == 3:
            y = y + inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradData(
                self, x.shape, x.dtype).apply((W, gy))[0])
        if 1 in indexes:
            ret.append(LocalConvolution2DGradWeight(
                self, W.shape, W.dtype).apply((x, gy))[0])
        if 2 in indexes:
            ret.append(_sum.sum(gy, axis=0))
        return ret


class LocalConvolution2DGradData(function_node.FunctionNode):

    """``gx`` from ``(W, gy)``: a local convolution's gradient for ``x``."""

    def __init__(self, lconv, x_shape, x_dtype):
        self.sy, self.sx = lconv.sy, lconv.sx
        self.x_shape = x_shape
        self.x_dtype = x_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        W, gy = inputs
        xp = backend.get_array_module(*inputs)
        dtype = _util.compute_dtype(W.dtype, gy.dtype)
        gcol = xp.matmul(_positions(gy, dtype),
                         _filters(W, dtype).transpose(0, 2, 1))
        n = len(gy)
        gcol = gcol.transpose(1, 2, 0).reshape(
            (n,) + W.shape[3:] + gy.shape[2:])
        gx = _util.col2im(gcol, (self.sy, self.sx), (0, 0),
                          self.x_shape[2:], (1, 1))
        return gx.astype(self.x_dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        W, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradWeight(
                self, W.shape, W.dtype).apply((ggx, gy))[0])
        if 1 in indexes:
            ret.append(local_convolution_2d(ggx, W, stride=(self.sy,
                                                            self.sx)))
        return ret


class LocalConvolution2DGradWeight(function_node.FunctionNode):

    """``gW`` from ``(x, gy)``: a local convolution's gradient for ``W``."""

    def __init__(self, lconv, w_shape, w_dtype):
        self.sy, self.sx = lconv.sy, lconv.sx
        self.w_shape = w_shape
        self.w_dtype = w_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        xp = backend.get_array_module(*inputs)
        dtype = _util.compute_dtype(x.dtype, gy.dtype)
        outs = gy.shape[2:]
        col = _windows(x, self.w_shape[4:], (self.sy, self.sx), outs, dtype)
        gW = xp.matmul(_positions(gy, dtype).transpose(0, 2, 1), col)
        o = self.w_shape[0]
        gW = gW.transpose(1, 0, 2).reshape((o,) + tuple(self.w_shape[1:]))
        return gW.astype(self.w_dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradData(
                self, x.shape, x.dtype).apply((ggW, gy))[0])
        if 1 in indexes:
            ret.append(local_convolution_2d(x, ggW, stride=(self.sy,
                                                            self.sx)))
        return ret


def local_convolution_2d(x, W, b=None, stride=1):
    """Convolution with a different filter at every output position.

    Like :func:`~chainer.functions.convolution_2d` without padding, except
    that the weights are not shared: output pixel :math:`(i, j)` uses its
    own filter bank ``W[:, i, j]``, so

    .. math::

        y_{n,o,i,j} = \\sum_{c,a,b} x_{n,c,i s_Y + a, j s_X + b}
            W_{o,i,j,c,a,b} + b_{o,i,j}.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h, w)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_O, h_O, w_O, c_I, k_H, k_W)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of shape
            :math:`(c_O, h_O, w_O)` (optional).
        stride (int or pair of ints): Step between the patches of
            neighbouring output pixels.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.

    .. seealso:: :class:`~chainer.links.LocalConvolution2D`.

    Example:

        >>> x = np.ones((1, 2, 5, 4), np.float32)
        >>> W = np.ones((3, 2, 2, 2, 3, 2), np.float32)
        >>> W[0, 1, 1] = 0  # this output pixel ignores its patch
        >>> y = F.local_convolution_2d(x, W, stride=(2, 2))
        >>> y.shape
        (1, 3, 2, 2)
        >>> y.array[0, 0]
        array([[12., 12.],
               [12.,  0.]], dtype=float32)
    """
    inputs = (x, W) if b is None else (x, W, b)
    return LocalConvolution2DFunction(stride).apply(inputs)[0]
