"""N-dimensional deconvolution (``deconvolution_1d/3d/nd``)."""
from chainer_lite import function_node
from chainer_lite.functions.array import cast
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import convolution_nd
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


class DeconvolutionND(function_node.FunctionNode):

    """Transposed N-d convolution of ``x`` (n, c_I, d_1..d_N) with ``W``.

    ``W`` has shape ``(c_I, c_O / groups, k_1..k_N)``; the output has
    ``x``'s dtype and the bias may have any float dtype.
    """

    cover_all = None

    def __init__(self, ndim, stride=1, pad=0, outsize=None,
                 dilate=1, groups=1):
        self.ndim = ndim
        self.stride = _util.as_tuple(stride, ndim)
        self.pad = _util.as_tuple(pad, ndim)
        if outsize is not None:
            assert len(outsize) == ndim
            outsize = tuple(outsize)
        self.outs = outsize
        self.dilate = _util.as_tuple(dilate, ndim)
        self.groups = groups

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == self.ndim + 2,
            w_type.ndim == self.ndim + 2,
            x_type.shape[1] == w_type.shape[0]
        )
        if self.outs is not None:
            for i, (out, s, p, di) in enumerate(zip(
                    self.outs, self.stride, self.pad, self.dilate)):
                lower_bound = conv.get_conv_outsize(
                    out, w_type.shape[i + 2], s, p, d=di)
                upper_bound = conv.get_conv_outsize(
                    out, w_type.shape[i + 2], s, p, cover_all=True, d=di)
                type_check.expect(
                    lower_bound <= x_type.shape[i + 2],
                    x_type.shape[i + 2] <= upper_bound)
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype.kind == 'f',
                b_type.ndim == 1,
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        if self.outs is None:
            self.outs = tuple([
                conv.get_deconv_outsize(d, k, s, p, d=di)
                for d, k, s, p, di in zip(x.shape[2:], W.shape[2:],
                                          self.stride, self.pad,
                                          self.dilate)])
            assert all(out > 0 for out in self.outs), \
                'Output sizes should be positive.'
        if x.shape[1] % self.groups != 0:
            raise TypeError('The number of groups must be '
                            'a divisor of that of input channels')
        # Whether the matching convolution needs cover_all to map the
        # output size back to the input size.
        self.cover_all = any(
            ix != conv.get_conv_outsize(oy, k, s, p, d=di)
            for ix, oy, k, s, p, di in zip(
                x.shape[2:], self.outs, W.shape[2:], self.stride, self.pad,
                self.dilate))
        return _util.transposed_convolve(
            x, W, b, self.stride, self.pad, self.dilate, self.groups,
            self.outs),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            gx = convolution_nd.convolution_nd(
                gy, W, stride=self.stride, pad=self.pad,
                cover_all=self.cover_all, dilate=self.dilate,
                groups=self.groups)
            ret.append(gx)
        if 1 in indexes:
            gW, = convolution_nd.ConvolutionNDGradW(self).apply((gy, x))
            ret.append(gW)
        if 2 in indexes:
            gb = _sum.sum(gy, axis=(0,) + tuple(range(2, gy.ndim)))
            b_dtype = self.inputs[2].dtype
            if gb.dtype != b_dtype:
                gb = cast.cast(gb, b_dtype)
            ret.append(gb)
        return ret


def deconvolution_nd(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """N-dimensional deconvolution (transposed convolution) function.

    The N-dimensional generalization of
    :func:`~chainer.functions.deconvolution_2d`, the adjoint of
    :func:`~chainer.functions.convolution_nd`. Without ``outsize`` the
    output size along axis :math:`i` is
    :math:`s_i (d_i - 1) + (k_i - 1) \\cdot dil_i + 1 - 2 p_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, d_1, ..., d_N)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_I, c_O / groups, k_1, ..., k_N)`.
        b (None or :class:`~chainer.Variable` or :ref:`ndarray`): Bias of
            shape :math:`(c_O,)` (optional).
        stride (int or tuple of ints): Stride of filter applications.
        pad (int or tuple of ints): Padding cropped from each side of the
            output.
        outsize (None or tuple of ints): Spatial output size; estimated
            when ``None``.
        dilate (int or tuple of ints): Dilation of the filters.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, l_1, ..., l_N)`.

    .. seealso:: :class:`~chainer.links.DeconvolutionND`,
        :func:`~chainer.functions.deconvolution_2d`.

    Example:

        >>> x = np.random.uniform(0, 1, (2, 3, 4, 5, 6)).astype(np.float32)
        >>> W = np.random.uniform(0, 1, (3, 2, 3, 3, 3)).astype(np.float32)
        >>> F.deconvolution_nd(x, W, stride=2, pad=1).shape
        (2, 2, 7, 9, 11)
    """
    ndim = len(x.shape[2:])
    func = DeconvolutionND(
        ndim, stride, pad, outsize, dilate=dilate, groups=groups)
    args = (x, W) if b is None else (x, W, b)
    y, = func.apply(args)
    return y


def _check_ndim(x, ndim):
    if len(x.shape[2:]) != ndim:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                ndim, len(x.shape[2:])))


def deconvolution_1d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """1-dimensional deconvolution function.

    It is :func:`~chainer.functions.deconvolution_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    _check_ndim(x, 1)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)


def deconvolution_3d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """3-dimensional deconvolution function.

    It is :func:`~chainer.functions.deconvolution_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    _check_ndim(x, 3)
    return deconvolution_nd(x, W, b, stride, pad, outsize, dilate, groups)
