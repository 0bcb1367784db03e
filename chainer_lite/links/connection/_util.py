"""Helpers shared by the convolution links."""


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
