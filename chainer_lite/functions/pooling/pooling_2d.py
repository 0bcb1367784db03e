"""Base class of the two-dimensional pooling functions."""
import collections.abc

from chainer_lite import function_node
from chainer_lite.utils import type_check


def _pair(x):
    if isinstance(x, collections.abc.Iterable):
        return x
    return x, x


def window_of(node):
    """``(ksize, stride, pad)`` of a 2-d pooling node, each as a pair."""
    return (node.kh, node.kw), (node.sy, node.sx), (node.ph, node.pw)


def copy_window(dst, src):
    """Gives ``dst`` (a gradient node) the window layout of ``src``."""
    for name in ('kh', 'kw', 'sy', 'sx', 'ph', 'pw', 'cover_all'):
        setattr(dst, name, getattr(src, name))


class Pooling2D(function_node.FunctionNode):

    """Common window settings of the 2-d pooling nodes."""

    def __init__(self, ksize, stride=None, pad=0, cover_all=True,
                 return_indices=False):
        if stride is None:
            stride = ksize
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.cover_all = cover_all
        self.return_indices = return_indices

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 4
        )
