"""Elementwise choice between two broadcast inputs, and its gradient."""

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


def _masked(g, mask, shape):
    # g broadcast to the mask's shape, zeroed where mask is False.
    from chainer_lite.functions.array import broadcast
    return broadcast.broadcast_to(g, shape) * mask


class SelectGrad(function_node.FunctionNode):

    """Sends ``gy`` to the first input where ``cond`` holds, else the second.

    Both gradients are summed back to the inputs' (pre-broadcast) shapes.
    The node is linear in ``gy``; its own gradient merges the two incoming
    gradients with the same mask.
    """

    def __init__(self, cond, x1_shape, x2_shape):
        self.cond = cond
        self.x1_shape = x1_shape
        self.x2_shape = x2_shape

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        zero = gy.dtype.type(0)
        gx1 = utils.force_array(xp.where(self.cond, gy, zero))
        gx2 = utils.force_array(xp.where(self.cond, zero, gy))
        return (utils.sum_to(gx1, self.x1_shape),
                utils.sum_to(gx2, self.x2_shape))

    def backward(self, indexes, grad_outputs):
        shape = self.cond.shape
        g1, g2 = grad_outputs
        terms = []
        if g1 is not None:
            terms.append(_masked(g1, self.cond, shape))
        if g2 is not None:
            terms.append(_masked(g2, ~self.cond, shape))
        if not terms:
            return None,
        return terms[0] if len(terms) == 1 else terms[0] + terms[1],


class ElementwiseChoice(function_node.FunctionNode):

    """Picks ``x1`` or ``x2`` at every position (broadcasting).

    A subclass names the ``numpy``/``cupy`` function that picks in
    ``_func_name`` and gives in ``_x1_chosen`` the comparison that holds
    where ``x1`` was picked, ties included, so that ties send the gradient
    to ``x1``.
    """

    _func_name = None
    _x1_chosen = None

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
        )
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x1, x2 = inputs
        xp = backend.get_array_module(x1)
        return utils.force_array(getattr(xp, self._func_name)(x1, x2)),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        cond = utils.force_array(self._x1_chosen(x1.array, x2.array))
        return SelectGrad(cond, x1.shape, x2.shape).apply(grad_outputs)
