"""Dropout: zeroes random elements and rescales the rest (training only)."""
import numpy

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import argument
from chainer_lite.utils import type_check
from chainer_lite import variable


class Dropout(function_node.FunctionNode):

    """Dropout regularization.

    The mask is drawn on the first :meth:`apply` (with NumPy's global random
    generator on the CPU, so ``numpy.random.seed`` makes it reproducible)
    and reused by later applications of the same node.
    """

    def __init__(self, dropout_ratio, mask=None, return_mask=False):
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError('dropout_ratio must be in the range [0, 1)')
        self.dropout_ratio = dropout_ratio
        self.mask = mask
        self.return_mask = return_mask

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        if self.mask is None:
            xp = backend.get_array_module(x)
            if xp is numpy:
                rand = numpy.random.rand(*x.shape)
            else:
                rand = xp.random.rand(*x.shape, dtype=numpy.float32)
            scale = x.dtype.type(1. / (1 - self.dropout_ratio))
            self.mask = utils.force_array(scale * (rand >= self.dropout_ratio))
        return utils.force_array(x * self.mask),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self.mask).apply(grad_outputs)


class DropoutGrad(function_node.FunctionNode):

    """Computes the gradient of the Dropout function (a product by the mask,
    hence its own gradient)."""

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        return utils.force_array(inputs[0] * self.mask),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self.mask).apply(grad_outputs)


def dropout(x, ratio=.5, **kwargs):
    """dropout(x, ratio=.5, *, mask=None, return_mask=False)

    Randomly zeroes elements of the input during training.

    Each element is zeroed with probability ``ratio`` and the others are
    scaled by ``1 / (1 - ratio)``. When ``chainer.config.train`` is
    ``False`` the function does nothing and returns ``x`` as a variable.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        ratio (float): Dropout ratio, ``0.0 <= ratio < 1.0``.
        mask (:ref:`ndarray` or None): The (already scaled) mask to
            multiply, of ``x``'s shape and dtype, for deterministic results.
            ``ratio`` is then unused. ``None`` draws a new mask.
        return_mask (bool): Also return the mask used (``None`` when not
            training), which can be passed back as ``mask``.

    Returns:
        ~chainer.Variable or tuple: The output variable, or the pair
        ``(output, mask)`` when ``return_mask`` is ``True``.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> x = np.array([[-1, 0], [2, -3]], np.float32)
        >>> mask = np.array([[2, 0], [2, 2]], np.float32)
        >>> F.dropout(x, mask=mask).array
        array([[-2.,  0.],
               [ 4., -6.]], dtype=float32)
        >>> with chainer.using_config('train', False):
        ...     print((F.dropout(x).array == x).all())
        True
    """
    mask, return_mask = argument.parse_kwargs(
        kwargs, ('mask', None), ('return_mask', False),
        train='train argument is not supported anymore. '
              'Use chainer.using_config')
    if not configuration.config.train:
        # Test mode: the identity, and no mask was used.
        y, used_mask = variable.as_variable(x), None
    else:
        node = Dropout(ratio, mask=mask, return_mask=return_mask)
        y, = node.apply((x,))
        used_mask = node.mask
    return (y, used_mask) if return_mask else y
