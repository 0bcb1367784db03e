"""Helpers shared by the convolution links."""
from chainer_lite.links import _params
from chainer_lite.utils import conv_nd


def _pair(x):
    # A 2-D size given as one int applies to both axes; a sequence is kept
    # as given.
    if hasattr(x, '__getitem__'):
        return x
    return x, x


def _check_groups(in_channels, out_channels, groups):
    # Grouped convolutions split both channel counts into ``groups`` parts.
    if out_channels % groups != 0:
        raise ValueError('the number of output channels must be'
                         ' divisible by the number of groups')
    if in_channels % groups != 0:
        raise ValueError('the number of input channels must be'
                         ' divisible by the number of groups')


def _channels_per_group(in_channels, out_channels, groups):
    # The filter's input-channel extent of a grouped convolution.
    _check_groups(in_channels, out_channels, groups)
    return int(in_channels // groups)


def _shift_sizes(in_channels, out_channels, ksize):
    # ``Link(out_channels, ksize)``: with the third size omitted, the two
    # given ones move one place right and the input channels are inferred.
    if ksize is None:
        return None, in_channels, out_channels
    return in_channels, out_channels, ksize


def _check_bias_size(b, size, what):
    # ``from_params``: a given bias must have one entry per output.
    if b is not None and b.size != size:
        raise ValueError('`{}` does not match the size of `b`'.format(what))


def _init_nd_link(link_, ndim, in_channels, out_channels, ksize, stride, pad,
                  nobias, initialW, initial_bias, dilate, groups):
    # The constructor body shared by ConvolutionND and DeconvolutionND. The
    # link's ``_initialize_params(in_channels)`` gives ``W`` its layout, now
    # or (with unknown input channels) at the first call.
    in_channels, out_channels, ksize = _shift_sizes(
        in_channels, out_channels, ksize)
    # stride and pad stay as given; the functions expand them.
    link_.stride, link_.pad = stride, pad
    link_.out_channels = out_channels
    link_.ksize, link_.dilate = (
        conv_nd.as_tuple(v, ndim) for v in (ksize, dilate))
    link_.groups = int(groups)

    with link_.init_scope():
        link_.W = _params.new_weight(initialW)
        if in_channels is not None:
            link_._initialize_params(in_channels)
        link_.b = _params.new_bias(out_channels, nobias, initial_bias)
