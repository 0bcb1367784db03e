"""Routing of an output gradient to one of two broadcast inputs by a mask."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils


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
