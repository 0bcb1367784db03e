"""N-dimensional convolution (``convolution_1d/3d/nd``)."""
from chainer_lite import function_node
from chainer_lite.functions.array import cast
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import deconvolution_nd
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check


def _check_groups(in_c, out_c, groups):
    if in_c % groups != 0:
        raise TypeError('The number of groups must be '
                        'a divisor of that of input channels')
    if out_c % groups != 0:
        raise TypeError('The number of groups must be '
                        'a divisor of that of output channels')


class ConvolutionND(function_node.FunctionNode):

    """N-d convolution of ``x`` (n, c, d_1..d_N) by ``W`` (c_O, c_g, k_1..k_N).

    The output has ``x``'s dtype; the bias may have any float dtype.
    """

    def __init__(self, ndim, stride=1, pad=0, cover_all=False,
                 dilate=1, groups=1):
        self.ndim = ndim
        self.stride = _util.as_tuple(stride, ndim)
        self.pad = _util.as_tuple(pad, ndim)
        self.cover_all = cover_all
        self.dilate = _util.as_tuple(dilate, ndim)
        self.groups = groups

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type = in_types[0]
        w_type = in_types[1]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == self.ndim + 2,
            w_type.ndim == self.ndim + 2,
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype.kind == 'f',
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        if self.groups > 1:
            _check_groups(x.shape[1], W.shape[0], self.groups)
        outs = _util.conv_outsizes(x.shape[2:], W.shape[2:], self.stride,
                                   self.pad, self.cover_all, self.dilate)
        assert all(o > 0 for o in outs), 'Output sizes should be positive.'
        return _util.convolve(x, W, b, self.stride, self.pad, self.dilate,
                              self.groups, outs),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(deconvolution_nd.deconvolution_nd(
                gy, W, outsize=x.shape[2:], **_util.nd_geometry(self)))
        if 1 in indexes:
            ret.extend(ConvolutionNDGradW(self).apply((x, gy)))
        if 2 in indexes:
            ret.append(bias_grad(gy, self.inputs[2].dtype))
        return ret


def bias_grad(gy, dtype):
    """Gradient of a per-channel bias: ``gy`` summed over all other axes.

    The bias may have another float dtype than the output; the gradient
    follows the bias.
    """
    gb = _sum.sum(gy, axis=(0,) + tuple(range(2, gy.ndim)))
    return gb if gb.dtype == dtype else cast.cast(gb, dtype)


class ConvolutionNDGradW(function_node.FunctionNode):

    """Gradient of an N-d convolution with respect to its filter.

    Inputs are the convolution's ``x`` and the gradient ``gy`` of its output;
    ``convnd`` is the forward node (its second input is the filter).
    """

    def __init__(self, convnd):
        # convnd may also be a DeconvolutionND (its gradient w.r.t. W is
        # this one with x and gy exchanged); both keep W as input 1.
        for name in ('ndim', 'stride', 'pad', 'dilate', 'groups',
                     'cover_all'):
            setattr(self, name, getattr(convnd, name))
        filter_node = convnd.inputs[1]
        self.ksize = filter_node.shape[2:]
        self.W_dtype = filter_node.dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        if self.groups > 1:
            _check_groups(x.shape[1], gy.shape[1], self.groups)
        return _util.convolve_grad_weight(
            x, gy, self.ksize, self.stride, self.pad, self.dilate,
            self.groups, self.W_dtype),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        # gW is bilinear in (x, gy): each gradient is the other factor
        # contracted with ggW, i.e. a (de)convolution by ggW.
        if 0 in indexes:
            ret.append(deconvolution_nd.deconvolution_nd(
                gy, ggW, outsize=x.shape[2:], **_util.nd_geometry(self)))
        if 1 in indexes:
            ret.append(convolution_nd(
                x, ggW, cover_all=self.cover_all, **_util.nd_geometry(self)))
        return ret


def convolution_nd(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """Cross-correlation over any number of spatial axes.

    The N-dimensional generalization of
    :func:`~chainer.functions.convolution_2d`: for
    :math:`x` of shape :math:`(n, c_I, d_1, ..., d_N)` and filters of shape
    :math:`(c_O, c_I / groups, k_1, ..., k_N)` the output has shape
    :math:`(n, c_O, l_1, ..., l_N)` with
    :math:`l_i = (d_i + 2 p_i - ((k_i - 1) \\cdot dil_i + 1)) / s_i + 1`
    (rounded down; with ``cover_all`` one more window is added wherever the
    last one would leave input elements unread).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters.
        b (None or :class:`~chainer.Variable` or :ref:`ndarray`): Bias of
            shape :math:`(c_O,)` (optional).
        stride (int or tuple of ints): Step between neighbouring windows,
            per spatial axis (one int applies to all of them).
        pad (int or tuple of ints): Zero padding on each side.
        cover_all (bool): If ``True``, every input element is read by some
            output element.
        dilate (int or tuple of ints): Dilation of the filters.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, l_1, ..., l_N)`.

    .. seealso:: :class:`~chainer.links.ConvolutionND`,
        :func:`~chainer.functions.convolution_2d`.

    Example:

        >>> x = np.ones((1, 2, 6, 7, 8), np.float32)
        >>> W = np.ones((5, 2, 2, 2, 2), np.float32)
        >>> y = F.convolution_nd(x, W, stride=(1, 2, 3))
        >>> y.shape, float(y.array.max())
        ((1, 5, 5, 3, 3), 16.0)
        >>> F.convolution_nd(x, W, stride=(1, 2, 3), cover_all=True).shape
        (1, 5, 5, 4, 3)
    """
    node = ConvolutionND(len(x.shape) - 2, stride, pad, cover_all,
                         dilate, groups)
    inputs = (x, W) if b is None else (x, W, b)
    return node.apply(inputs)[0]


def convolution_1d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """Convolution of sequences (one spatial axis).

    It is :func:`~chainer.functions.convolution_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    _util.require_spatial_ndim(x, 1)
    return convolution_nd(x, W, b, stride=stride, pad=pad,
                          cover_all=cover_all, dilate=dilate, groups=groups)


def convolution_3d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """Convolution of volumes (three spatial axes).

    It is :func:`~chainer.functions.convolution_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    _util.require_spatial_ndim(x, 3)
    return convolution_nd(x, W, b, stride=stride, pad=pad,
                          cover_all=cover_all, dilate=dilate, groups=groups)
