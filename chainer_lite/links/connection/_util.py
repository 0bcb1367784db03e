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
