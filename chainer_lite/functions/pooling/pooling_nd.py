"""Base class of the N-dimensional pooling functions."""
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.utils import type_check


class _PoolingND(function_node.FunctionNode):

    """Common window settings of the N-d pooling nodes."""

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=True,
                 return_indices=False):
        if stride is None:
            stride = ksize
        if ndim <= 0:
            raise ValueError(
                'pooling operation requires at least one spatial dimension.')
        super(_PoolingND, self).__init__()
        self.ndim = ndim
        self.ksize = _util.as_tuple(ksize, ndim)
        self.stride = _util.as_tuple(stride, ndim)
        self.pad = _util.as_tuple(pad, ndim)
        self.cover_all = cover_all
        self.return_indices = return_indices

    def check_type_forward(self, in_types):
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 2 + self.ndim,
            in_types[0].size > 0,
        )
