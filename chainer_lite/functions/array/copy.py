"""Copy: move a variable to another device, differentiably."""
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


class Copy(function_node.FunctionNode):

    """Copies the input array onto a device (its gradient goes back)."""

    def __init__(self, in_device, out_device):
        self._in_device = in_device
        self.out_device = out_device

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        return self.out_device.send(x),

    def backward(self, indexes, grad_outputs):
        return Copy(self.out_device, self._in_device).apply(grad_outputs)


def copy(x, dst):
    """Transfers an array to another device; gradients flow back.

    If ``x`` already lives on ``dst`` no copy happens and the output holds
    the same array; otherwise the array is copied (host to host, host to
    device, device to device or device to host). The gradient is copied
    back to the input's device.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Variable to copy.
        dst: Target device specifier (``-1`` or ``'@numpy'`` for the host,
            a GPU id, ``'@cupy:N'``, a device object, or
            ``cuda.DummyDevice``).

    Returns:
        ~chainer.Variable: The variable on ``dst``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.copy(np.zeros(3, np.float32), -1).device
        <CpuDevice (numpy)>
    """
    # cuda.DummyDevice (the old CPU placeholder) always means the host.
    if dst is cuda.DummyDevice:
        dst = '@numpy'
    in_device = backend.get_device_from_array(variable.as_array(x))
    out_device = backend.get_device(dst)
    y, = Copy(in_device, out_device).apply((x,))
    return y
