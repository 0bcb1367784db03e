"""Two-dimensional deconvolution (transposed convolution)."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import convolution_2d
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


# Keyword-only options of deconvolution_2d and their defaults.
_OPTIONS = (('dilate', 1), ('groups', 1))


class Deconvolution2DFunction(function_node.FunctionNode):

    """Transposed 2-d convolution of ``x`` (n, c_I, h, w) with ``W``.

    ``W`` has shape ``(c_I, c_O / groups, kh, kw)``; the output has ``x``'s
    dtype. ``cover_all`` is derived from the sizes on first use: it tells
    whether the matching convolution needs ``cover_all`` to map the output
    size back to the input size.
    """

    cover_all = None

    def __init__(self, stride=1, pad=0, outsize=None, **kwargs):
        options = argument.parse_kwargs(
            kwargs, *_OPTIONS,
            deterministic=convolution_2d._DETERMINISTIC_MESSAGE,
            requires_x_grad=convolution_2d._REQUIRES_X_GRAD_MESSAGE)
        dilate, groups = options
        self.sy, self.sx = _util.as_tuple(stride, 2)
        self.ph, self.pw = _util.as_tuple(pad, 2)
        if outsize is None:
            outsize = (None, None)
        self.outh, self.outw = outsize
        self.dy, self.dx = _util.as_tuple(dilate, 2)
        self.groups = groups
        if min(self.dy, self.dx) < 1:
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
            k = w_type.shape[axis]
            smallest = conv.get_conv_outsize(out, k, s, p, d=d)
            largest = conv.get_conv_outsize(out, k, s, p, cover_all=True,
                                            d=d)
            type_check.expect(
                smallest <= x_type.shape[axis],
                x_type.shape[axis] <= largest)
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
            )

    def _settle_sizes(self, x_shape, w_shape):
        """Fills in the output size if not given, and derives cover_all.

        ``cover_all`` tells whether the convolution back from the output
        needs it to reproduce the input size.
        """
        in_sizes, ksize = x_shape[2:], w_shape[2:]
        layout = list(zip((self.sy, self.sx), (self.ph, self.pw),
                          (self.dy, self.dx)))
        sizes = [self.outh, self.outw]
        for i, name in enumerate(('Height', 'Width')):
            if sizes[i] is None:
                s, p, d = layout[i]
                sizes[i] = conv.get_deconv_outsize(
                    in_sizes[i], ksize[i], s, p, d=d)
                if sizes[i] <= 0:
                    raise RuntimeError(
                        '{} in the output must be positive.'.format(name))
        self.outh, self.outw = sizes
        self.cover_all = any(
            n != conv.get_conv_outsize(out, k, s, p, d=d)
            for n, out, k, (s, p, d) in zip(in_sizes, sizes, ksize, layout))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        self._settle_sizes(x.shape, W.shape)
        return _util.transposed_convolve(
            x, W, b, (self.sy, self.sx), (self.ph, self.pw),
            (self.dy, self.dx), self.groups, (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(convolution_2d.convolution_2d(
                gy, W, cover_all=self.cover_all,
                **convolution_2d._geometry(self)))
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
        stride (int or pair of ints): Spacing, in output pixels, between
            the filter copies of neighbouring input pixels.
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

        >>> x = np.ones((2, 4, 3, 5), np.float32)
        >>> W = np.ones((4, 6, 2, 2), np.float32)
        >>> y = F.deconvolution_2d(x, W, stride=2)
        >>> y.shape, float(y.array.sum())
        ((2, 6, 6, 10), 2880.0)
        >>> F.deconvolution_2d(x, W, stride=2, outsize=(7, 11)).shape
        (2, 6, 7, 11)
    """
    dilate, groups = argument.parse_kwargs(
        kwargs, *_OPTIONS, deterministic=convolution_2d._DETERMINISTIC_MESSAGE)
    node = Deconvolution2DFunction(
        stride, pad, outsize, dilate=dilate, groups=groups)
    inputs = (x, W) if b is None else (x, W, b)
    return node.apply(inputs)[0]
