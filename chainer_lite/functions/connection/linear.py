"""Linear (fully connected) layer as a function: ``y = x W^T + b``."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.functions.math import sum as _sum
from chainer_lite import utils
from chainer_lite.utils import type_check


def _dot(a, b, out_dtype):
    # Products run in at least single precision (see _util.compute_dtype)
    # and the result is cast to the dtype the caller promises.
    # (``@`` rather than ``dot``: NumPy's matmul is a little faster when an
    # operand is a transposed view, as in every gradient here.)
    if a.dtype == b.dtype == out_dtype and a.dtype.itemsize >= 4:
        return a @ b  # the common case, without dtype bookkeeping
    dtype = _util.compute_dtype(a.dtype, b.dtype)
    y = a.astype(dtype, copy=False) @ b.astype(dtype, copy=False)
    return y.astype(out_dtype, copy=False)


class LinearFunction(function_node.FunctionNode):

    """``y = x W^T (+ b)`` for a 2-d ``x``; the output has ``x``'s dtype."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim == 2,
            w_type.ndim == 2,
            x_type.shape[1] == w_type.shape[1],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[0], inputs[1]
        y = _dot(x, W.T, x.dtype)
        if len(inputs) == 3:
            y += inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LinearGradData().apply((W, gy))[0])
        if 1 in indexes:
            ret.append(LinearGradWeight(W.dtype).apply((x, gy))[0])
        if 2 in indexes:
            ret.append(_sum.sum(gy, axis=0))
        return ret


class LinearGradData(function_node.FunctionNode):

    """``gx = gy W``: the gradient of :class:`LinearFunction` for ``x``.

    ``gy`` has the dtype of the forward input ``x`` (the output's dtype), so
    ``gx`` is produced in ``gy``'s dtype.
    """

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        W, gy = inputs
        return _dot(gy, W, gy.dtype),

    def backward(self, indexes, grad_outputs):
        W, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LinearGradWeight(W.dtype).apply((ggx, gy))[0])
        if 1 in indexes:
            ret.append(linear(ggx, W))
        return ret


class LinearGradWeight(function_node.FunctionNode):

    """``gW = gy^T x``: the gradient of :class:`LinearFunction` for ``W``."""

    def __init__(self, w_dtype):
        self._w_dtype = w_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        return _dot(gy.T, x, self._w_dtype),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LinearGradData().apply((ggW, gy))[0])
        if 1 in indexes:
            ret.append(linear(x, ggW))
        return ret


def linear(x, W, b=None, n_batch_axes=1):
    """Affine map ``x W^T + b`` of a batch of vectors.

    It computes :math:`y_i = W x_i + b` for every sample :math:`x_i` of a
    minibatch.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(s_1, ..., s_n)`. The first ``n_batch_axes`` axes are
            minibatch axes; the remaining ones are flattened into one axis of
            size :math:`N`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Weight of shape
            :math:`(M, N)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of shape
            :math:`(M,)` (optional).
        n_batch_axes (int): The number of batch axes (at least 1).

    Returns:
        ~chainer.Variable: Output of shape
        :math:`(s_1, ..., s_{\\rm n\\_batch\\_axes}, M)`, with ``x``'s dtype.

    Example:

        >>> x = np.arange(6, dtype=np.float32).reshape(2, 3)
        >>> W = np.array([[1, 0, 0], [1, 1, 1]], np.float32)
        >>> b = np.array([0.5, -1], np.float32)
        >>> F.linear(x, W, b).array
        array([[ 0.5,  2. ],
               [ 3.5, 11. ]], dtype=float32)
    """
    if n_batch_axes == 1:  # the common case first
        if x.ndim > 2:
            x = x.reshape(x.shape[0], -1)
        y, = LinearFunction().apply((x, W) if b is None else (x, W, b))
        return y
    if n_batch_axes <= 0:
        raise ValueError('n_batch_axes should be greater than 0.')
    batch_shape = x.shape[:n_batch_axes]
    x = x.reshape(utils.size_of_shape(batch_shape), -1)
    y, = LinearFunction().apply((x, W) if b is None else (x, W, b))
    return y.reshape(batch_shape + (-1,))
