"""Zoneout: randomly keeps units of the previous hidden state."""
import numpy

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


class Zoneout(function_node.FunctionNode):

    """Zoneout regularization: ``h * flag_h + x * flag_x`` with random
    complementary boolean masks."""

    def __init__(self, zoneout_ratio):
        self.zoneout_ratio = zoneout_ratio

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)

    def forward(self, inputs):
        h, x = inputs
        xp = backend.get_array_module(x)
        # One call of <xp>.random.rand, as in Chainer (tests patch it).
        draw = numpy.random.rand if xp is numpy else xp.random.rand
        self.flag_x = utils.force_array(
            draw(*x.shape) >= self.zoneout_ratio)
        self.flag_h = xp.logical_not(self.flag_x)
        return utils.force_array(xp.where(self.flag_x, x, h)),

    def backward(self, indexes, grad_outputs):
        # Each input receives the gradient where it was selected.
        routes = (self.flag_h, self.flag_x)
        return [grad_outputs[0] * routes[i] for i in indexes]


def zoneout(h, x, ratio=.5, **kwargs):
    """zoneout(h, x, ratio=.5)

    Drops elements of the input and keeps the previous state there.

    Each element of the result is ``h`` with probability ``ratio`` and
    ``x`` otherwise. Outside training (``chainer.config.train`` is
    ``False``) the result is ``x``.

    Args:
        h (:class:`~chainer.Variable` or :ref:`ndarray`): Previous state.
        x (:class:`~chainer.Variable` or :ref:`ndarray`): New state, of
            ``h``'s shape.
        ratio (float): Probability of keeping the previous state ``h``.

    Returns:
        ~chainer.Variable: The mixed state (``x`` itself outside training).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> h = np.zeros(3, np.float32)
        >>> x = np.ones(3, np.float32)
        >>> F.zoneout(h, x, ratio=0.0).array
        array([1., 1., 1.], dtype=float32)

    See: `Zoneout <https://arxiv.org/abs/1606.01305>`_
    """
    argument.check_unexpected_kwargs(
        kwargs, train='train argument is not supported anymore. '
        'Use chainer.using_config')
    argument.assert_kwargs_empty(kwargs)
    if not configuration.config.train:
        return x
    node = Zoneout(ratio)
    return node.apply((h, x))[0]
