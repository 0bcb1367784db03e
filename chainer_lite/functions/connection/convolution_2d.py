"""Two-dimensional convolution (cross-correlation) of images with filters."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.connection import deconvolution_2d
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


_DETERMINISTIC_MESSAGE = (
    'deterministic argument is not supported anymore. '
    'Use chainer.using_config(\'cudnn_deterministic\', value) context '
    'where value is either `True` or `False`.')
_REQUIRES_X_GRAD_MESSAGE = (
    'requires_x_grad argument is not supported anymore. Just remove the '
    'argument. Note that whether to compute the gradient w.r.t. x is '
    'automatically decided during backpropagation.')

# Keyword-only options of convolution_2d and their defaults.
_OPTIONS = (('dilate', 1), ('groups', 1), ('cudnn_fast', False))


def _geometry(node):
    """Keyword arguments that repeat ``node``'s 2-d layout in another call.

    The forward and backward passes of a convolution and of its transpose
    are each other's building blocks; they share stride, padding, dilation
    and groups, so one spelling of them serves all those calls.
    """
    return {'stride': (node.sy, node.sx), 'pad': (node.ph, node.pw),
            'dilate': (node.dy, node.dx), 'groups': node.groups}


class Convolution2DFunction(function_node.FunctionNode):

    """Convolution of ``x`` (n, c, h, w) by ``W`` (c_O, c / groups, kh, kw).

    The output has ``x``'s dtype; ``W`` may have another float dtype.
    """

    def __init__(self, stride=1, pad=0, cover_all=False, **kwargs):
        options = argument.parse_kwargs(
            kwargs, *_OPTIONS, deterministic=_DETERMINISTIC_MESSAGE,
            requires_x_grad=_REQUIRES_X_GRAD_MESSAGE)
        dilate, groups, cudnn_fast = options
        self.sy, self.sx = _util.as_tuple(stride, 2)
        self.ph, self.pw = _util.as_tuple(pad, 2)
        self.cover_all = cover_all
        self.dy, self.dx = _util.as_tuple(dilate, 2)
        self.groups = groups
        self.cudnn_fast = cudnn_fast
        if cudnn_fast:
            # cuDNN's channel-last fast mode; no backend here provides it.
            raise RuntimeError(
                '\'cudnn_fast\' can\'t be used: chainer_lite does not use '
                'cuDNN')
        if min(self.dy, self.dx) < 1:
            raise ValueError('Dilate should be positive, but {} is '
                             'supplied.'.format(dilate))

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type = in_types[0]
        w_type = in_types[1]
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 4,
            w_type.ndim == 4,
            x_type.shape[1] == w_type.shape[1] * self.groups,
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def _out_size(self, x_shape, w_shape):
        sizes = _util.conv_outsizes(
            x_shape[2:], w_shape[2:], (self.sy, self.sx), (self.ph, self.pw),
            self.cover_all, (self.dy, self.dx))
        # On the CPU Chainer's im2col reports empty outputs by assertion.
        for size, name in zip(sizes, ('Height', 'Width')):
            assert size > 0, name + ' in the output should be positive.'
        return sizes

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        outs = self._out_size(x.shape, W.shape)
        return _util.convolve(
            x, W, b, (self.sy, self.sx), (self.ph, self.pw),
            (self.dy, self.dx), self.groups, outs),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(deconvolution_2d.deconvolution_2d(
                gy, W, outsize=x.shape[2:], **_geometry(self)))
        if 1 in indexes:
            gW, = Convolution2DGradW(self, W.shape, W.dtype).apply((x, gy))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_sum.sum(gy, axis=(0, 2, 3)))
        return ret


class Convolution2DGradW(function_node.FunctionNode):

    """Gradient of a 2-d convolution with respect to its filter.

    Inputs are the convolution's ``x`` and the gradient ``gy`` of its output;
    the output is ``gW`` of shape ``w_shape`` and dtype ``w_dtype``.
    """

    def __init__(self, conv2d, w_shape, w_dtype):
        # conv2d may also be a Deconvolution2DFunction, whose gradient
        # w.r.t. W is this one with the roles of x and gy exchanged.
        for name in ('sy', 'sx', 'ph', 'pw', 'dy', 'dx', 'groups',
                     'cover_all'):
            setattr(self, name, getattr(conv2d, name))
        self.kh, self.kw = w_shape[2:]
        self.W_shape = w_shape
        self.W_dtype = w_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        return _util.convolve_grad_weight(
            x, gy, (self.kh, self.kw), (self.sy, self.sx),
            (self.ph, self.pw), (self.dy, self.dx), self.groups,
            self.W_dtype),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        # gW is bilinear in (x, gy): each gradient is the other factor
        # contracted with ggW, i.e. a (de)convolution by ggW.
        if 0 in indexes:
            ret.append(deconvolution_2d.deconvolution_2d(
                gy, ggW, outsize=x.shape[2:], **_geometry(self)))
        if 1 in indexes:
            ret.append(convolution_2d(
                x, ggW, cover_all=self.cover_all, **_geometry(self)))
        return ret


def convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False, **kwargs):
    """convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False, *, \
dilate=1, groups=1)

    Cross-correlation of a batch of images with a bank of filters.

    Each output pixel is the inner product of a filter with the patch of
    the (zero padded) input under it, plus the bias. Patches start at
    ``(-pad_h, -pad_w)`` and move by ``stride``; with dilation ``d`` a
    filter tap ``i`` reads the input ``i * d`` pixels from the patch origin.
    The output size along the height is
    ``(h + 2 * pad_h - ((kh - 1) * d_y + 1)) // s_y + 1`` (and the same for
    the width); with ``cover_all=True`` one more patch is added wherever the
    last one would leave input pixels unread.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h_I, w_I)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_O, c_I / groups, h_K, w_K)`.
        b (None or :class:`~chainer.Variable` or :ref:`ndarray`): Bias of
            shape :math:`(c_O,)` (optional).
        stride (int or pair of ints): Step between neighbouring patches
            (one int for both axes, or ``(s_y, s_x)``).
        pad (int or pair of ints): Zero padding added to each side.
        cover_all (bool): If ``True``, every input pixel is read by some
            output pixel (this may add one row/column of output).
        dilate (int or pair of ints): Dilation of the filters.
        groups (int): Number of channel groups; input and output channels
            are split into ``groups`` blocks convolved independently. Both
            channel counts must be divisible by it.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`, with
        ``x``'s dtype.

    .. seealso:: :class:`~chainer.links.Convolution2D`, which holds ``W`` and
        ``b`` as parameters.

    Example:

        >>> x = np.ones((2, 3, 9, 8), np.float32)
        >>> W = np.ones((4, 3, 3, 3), np.float32)
        >>> y = F.convolution_2d(x, W, stride=2)
        >>> y.shape, float(y.array[0, 0, 0, 0])
        ((2, 4, 4, 3), 27.0)
        >>> F.convolution_2d(x, W, stride=2, cover_all=True).shape
        (2, 4, 4, 4)
    """
    options = dict(zip(
        [name for name, _ in _OPTIONS],
        argument.parse_kwargs(kwargs, *_OPTIONS,
                              deterministic=_DETERMINISTIC_MESSAGE)))
    node = Convolution2DFunction(stride, pad, cover_all, **options)
    inputs = (x, W) if b is None else (x, W, b)
    return node.apply(inputs)[0]
