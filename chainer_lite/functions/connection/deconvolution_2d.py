"""Two-dimensional deconvolution (transposed convolution)."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import convolution_2d
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return x
    return x, x


class Deconvolution2DFunction(function_node.FunctionNode):

    """Transposed 2-d convolution of ``x`` (n, c_I, h, w) with ``W``.

    ``W`` has shape ``(c_I, c_O / groups, kh, kw)``; the output has ``x``'s
    dtype. ``cover_all`` is derived from the sizes on first use: it tells
    whether the matching convolution needs ``cover_all`` to map the output
    size back to the input size.
    """

    cover_all = None

    def __init__(self, stride=1, pad=0, outsize=None, **kwargs):
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1),
            deterministic=convolution_2d._DETERMINISTIC_MESSAGE,
            requires_x_grad=convolution_2d._REQUIRES_X_GRAD_MESSAGE)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.outh, self.outw = (None, None) if outsize is None else outsize
        self.dy, self.dx = _pair(dilate)
        self.groups = groups
        if self.dx < 1 or self.dy < 1:
            raise ValueError('Dilate should be positive, but {} is '
                             'supplied.'.format(dilate))

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 4,
            w_type.ndim == 4,
            x_type.shape[1] == w_type.shape[0]
        )
        # A given output size must be one that the matching convolution
        # maps back to the input size, with or without cover_all.
        for out, axis, s, p, d in ((self.outh, 2, self.sy, self.ph, self.dy),
                                   (self.outw, 3, self.sx, self.pw, self.dx)):
            if out is None:
                continue
            lower_bound = conv.get_conv_outsize(
                out, w_type.shape[axis], s, p, d=d)
            upper_bound = conv.get_conv_outsize(
                out, w_type.shape[axis], s, p, cover_all=True, d=d)
            type_check.expect(
                lower_bound <= x_type.shape[axis],
                x_type.shape[axis] <= upper_bound)
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
            )

    def _calc_out_size(self, x_shape, w_shape):
        kh, kw = w_shape[2:]
        in_h, in_w = x_shape[2:]
        if self.outh is None:
            self.outh = conv.get_deconv_outsize(
                in_h, kh, self.sy, self.ph, d=self.dy)
            if self.outh <= 0:
                raise RuntimeError('Height in the output must be positive.')
        if self.outw is None:
            self.outw = conv.get_deconv_outsize(
                in_w, kw, self.sx, self.pw, d=self.dx)
            if self.outw <= 0:
                raise RuntimeError('Width in the output must be positive.')

    def _set_cover_all(self, x_shape, w_shape):
        kh, kw = w_shape[2:]
        in_h, in_w = x_shape[2:]
        self.cover_all = (
            in_h != conv.get_conv_outsize(self.outh, kh, self.sy, self.ph,
                                          d=self.dy) or
            in_w != conv.get_conv_outsize(self.outw, kw, self.sx, self.pw,
                                          d=self.dx))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        self._calc_out_size(x.shape, W.shape)
        self._set_cover_all(x.shape, W.shape)
        return _util.transposed_convolve(
            x, W, b, (self.sy, self.sx), (self.ph, self.pw),
            (self.dy, self.dx), self.groups, (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            gx = convolution_2d.convolution_2d(
                gy, W, stride=(self.sy, self.sx), pad=(self.ph, self.pw),
                cover_all=self.cover_all, dilate=(self.dy, self.dx),
                groups=self.groups)
            ret.append(gx)
        if 1 in indexes:
            gW, = convolution_2d.Convolution2DGradW(
                self, W.shape, W.dtype).apply((gy, x))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_sum.sum(gy, axis=(0, 2, 3)))
        return ret


def deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, **kwargs):
    """deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, *, \
dilate=1, groups=1)

    Two-dimensional deconvolution (transposed convolution) function.

    It is the adjoint of :func:`~chainer.functions.convolution_2d` with the
    same filter: every input pixel scatters the filter, scaled by its
    value, onto the output, then padding is cropped. Without ``outsize``
    the output height is ``s_y * (h_I - 1) + (h_K - 1) * d_y + 1 - 2 * p_h``
    (the same for the width).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h_I, w_I)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_I, c_O / groups, h_K, w_K)`.
        b (None or :class:`~chainer.Variable` or :ref:`ndarray`): Bias of
            shape :math:`(c_O,)` (optional).
        stride (int or pair of ints): Stride of filter applications.
        pad (int or pair of ints): Padding cropped from each side of the
            output.
        outsize (None or pair of ints): Output size :math:`(h_O, w_O)`;
            estimated from the other sizes when ``None``.
        dilate (int or pair of ints): Dilation of the filters.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`, with
        ``x``'s dtype.

    .. seealso:: :class:`~chainer.links.Deconvolution2D`.

    Example:

        >>> x = np.random.uniform(0, 1, (10, 1, 5, 10)).astype(np.float32)
        >>> W = np.random.uniform(0, 1, (1, 3, 10, 10)).astype(np.float32)
        >>> b = np.random.uniform(0, 1, 3).astype(np.float32)
        >>> F.deconvolution_2d(x, W, b, stride=(5, 5), pad=(5, 5)).shape
        (10, 3, 20, 45)
    """
    dilate, groups = argument.parse_kwargs(
        kwargs, ('dilate', 1), ('groups', 1),
        deterministic=convolution_2d._DETERMINISTIC_MESSAGE)
    func = Deconvolution2DFunction(stride, pad, outsize, dilate=dilate,
                                   groups=groups)
    args = (x, W) if b is None else (x, W, b)
    y, = func.apply(args)
    return y
