"""N-dimensional deconvolution (``deconvolution_1d/3d/nd``)."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import convolution_nd
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
            # The convolution back from outs must give x's size, with
            # or without cover_all.
            for axis, out in enumerate(self.outs, 2):
                geometry = (w_type.shape[axis], self.stride[axis - 2],
                            self.pad[axis - 2])
                d = self.dilate[axis - 2]
                smallest = conv.get_conv_outsize(out, *geometry, d=d)
                largest = conv.get_conv_outsize(
                    out, *geometry, cover_all=True, d=d)
                type_check.expect(
                    smallest <= x_type.shape[axis],
                    x_type.shape[axis] <= largest)
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
            ret.append(convolution_nd.convolution_nd(
                gy, W, cover_all=self.cover_all, **_util.nd_geometry(self)))
        if 1 in indexes:
            # The filter gradient of the convolution from gy back to x.
            grad_w = convolution_nd.ConvolutionNDGradW(self)
            ret.extend(grad_w.apply((gy, x)))
        if 2 in indexes:
            ret.append(convolution_nd.bias_grad(gy, self.inputs[2].dtype))
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
        stride (int or tuple of ints): Spacing, in output elements, of the
            filter copies of neighbouring input elements.
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

        >>> x = np.ones((1, 3, 2, 3, 4), np.float32)
        >>> W = np.ones((3, 2, 3, 3, 3), np.float32)
        >>> y = F.deconvolution_nd(x, W, stride=2, pad=1)
        >>> y.shape, float(y.array.sum())
        ((1, 2, 3, 5, 7), 1680.0)
    """
    node = DeconvolutionND(len(x.shape) - 2, stride, pad, outsize,
                           dilate, groups)
    inputs = (x, W) if b is None else (x, W, b)
    return node.apply(inputs)[0]


def deconvolution_1d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """Transposed convolution of sequences (one spatial axis).

    It is :func:`~chainer.functions.deconvolution_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    _util.require_spatial_ndim(x, 1)
    return deconvolution_nd(x, W, b, stride=stride, pad=pad,
                            outsize=outsize, dilate=dilate, groups=groups)


def deconvolution_3d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """Transposed convolution of volumes (three spatial axes).

    It is :func:`~chainer.functions.deconvolution_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    _util.require_spatial_ndim(x, 3)
    return deconvolution_nd(x, W, b, stride=stride, pad=pad,
                            outsize=outsize, dilate=dilate, groups=groups)
