"""Base class of the flips along a fixed axis (``fliplr``, ``flipud``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class FixedAxisFlip(function_node.FunctionNode):

    """Reverses a float array with ``xp.<_func_name>``.

    A subclass names the ``numpy``/``cupy`` flip in ``_func_name`` and the
    fewest dimensions it needs in ``_min_ndim``. The flip is its own
    adjoint, so the backward pass flips the gradient the same way.
    """

    _func_name = None
    _min_ndim = None

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type = in_types[0]
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim >= self._min_ndim
        )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return getattr(xp, self._func_name)(inputs[0]),

    def backward(self, indexes, grad_outputs):
        return type(self)().apply(grad_outputs)
