"""As_strided: a new view of a variable's memory with given shape, strides
and offset (like ``torch.Tensor.as_strided``)."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _in_elements(byte_counts, itemsize):
    # Byte strides/offsets of an array are whole multiples of its itemsize.
    assert all(b % itemsize == 0 for b in byte_counts)
    return tuple([b // itemsize for b in byte_counts])


def _may_alias(shape, strides):
    """Whether two indices of such a view may reach the same element.

    Sufficient test: with the axes sorted by ``|stride|``, every stride must
    exceed the span covered by all the smaller ones.
    """
    span = 0
    for step, size in sorted((abs(st), n) for st, n in zip(strides, shape)):
        if step <= span:
            return True
        span += step * (size - 1)
    return False


def _extent(shape, strides, storage_offset):
    """The lowest and highest element offsets (in elements) a view reads."""
    low = high = storage_offset
    for size, step in zip(shape, strides):
        if step < 0:
            low += (size - 1) * step
        else:
            high += (size - 1) * step
    return low, high


def _scatter_add(target, indices, values):
    """``target[indices] += values``, accumulating repeated indices."""
    if isinstance(target, numpy.ndarray):
        numpy.add.at(target, indices, values)
    else:
        cuda.cupyx.scatter_add(target, indices, values)


def _owner(array):
    """The NumPy array that owns the memory ``array`` views."""
    while array.base is not None:
        array = array.base
    return array


def _stride_array(array, shape, strides, storage_offset):
    """A view of the memory under ``array`` (its own view ignored).

    Unlike :func:`numpy.lib.stride_tricks.as_strided`, ``strides`` and
    ``storage_offset`` (from the start of the allocation) are given in
    elements, and the view is checked to stay within the allocation.

    Raises:
        ValueError: The view would reach outside the allocation.
        TypeError: ``array`` is not a NumPy or CuPy array.
    """
    low, high = _extent(shape, strides, storage_offset)
    item = array.itemsize
    byte_strides = tuple([st * item for st in strides])
    if low < 0:
        raise ValueError('Out of buffer: too small index was specified')
    if isinstance(array, numpy.ndarray):
        owner = _owner(array)
        if (high + 1) * item > owner.nbytes:
            raise ValueError('Out of buffer: too large index was specified')
        return numpy.ndarray(shape, array.dtype, owner.data,
                             storage_offset * item, byte_strides)
    if isinstance(array, cuda.ndarray):
        memory = array.data.mem
        if (high + 1) * item > memory.size:
            raise ValueError('Out of buffer: too large index was specified')
        pointer = cuda.cupy.cuda.MemoryPointer(memory, storage_offset * item)
        return cuda.cupy.ndarray(shape, array.dtype, pointer, byte_strides)
    raise TypeError('Only (np|cp).ndarray is accepted')


class TensorGeometry(object):

    """Shape, strides and offset (in elements) of an array within its
    allocation."""

    def __init__(self, array):
        if isinstance(array, numpy.ndarray):
            start = _owner(array).__array_interface__['data'][0]
            byte_offset = array.__array_interface__['data'][0] - start
        elif isinstance(array, cuda.ndarray):
            byte_offset = array.data.ptr - array.data.mem.ptr
        else:
            raise ValueError('only (np|cp).ndarray is supported')
        self.shape = array.shape
        self.itemsize = array.itemsize
        self.strides = _in_elements(array.strides, array.itemsize)
        self.storage_offset, = _in_elements((byte_offset,), array.itemsize)

    @property
    def ndim(self):
        return len(self.shape)


class AsStrided(function_node.FunctionNode):

    """Views the input's memory with a new shape, strides and offset
    (negative strides allowed)."""

    def __init__(self, shape, strides, storage_offset=None):
        self.shape = shape
        self.strides = strides
        self.storage_offset = storage_offset
        self.input_geometry = None

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        x, = inputs
        geometry = TensorGeometry(x)
        self.input_geometry = geometry
        if self.storage_offset is None:
            self.storage_offset = geometry.storage_offset
        return _stride_array(x, self.shape, self.strides,
                             self.storage_offset),

    def backward(self, indexes, grad_outputs):
        grad = AsStridedGrad(self.input_geometry, self.shape, self.strides,
                             self.storage_offset)
        return grad.apply(grad_outputs)


class AsStridedGrad(function_node.FunctionNode):

    """The gradient of :class:`AsStrided` (not differentiable again).

    Gradients are accumulated on a flat copy of the memory both views reach
    and read back through the input's view. Where the input itself reads a
    memory element more than once, the gradient is split evenly among those
    reads (PyTorch's layout-agnostic rule).
    """

    def __init__(self, input_geometry, shape, strides, storage_offset):
        self.input_geometry = input_geometry
        self.shape = shape
        self.strides = strides
        self.storage_offset = storage_offset

    def forward(self, inputs):
        gy, = inputs
        if gy.dtype.kind != 'f':
            raise TypeError('Only float is supported for back propagation')
        xp = backend.get_array_module(gy)
        geometry = self.input_geometry
        if gy.size == 0 or 0 in geometry.shape:
            return xp.zeros(geometry.shape, gy.dtype),

        # Axes of length one carry no offset; a zero stride means the
        # gradient of all elements along it goes to the same memory.
        out_axes = [i for i in range(gy.ndim)
                    if self.shape[i] != 1 and self.strides[i] != 0]
        out_shape = tuple([self.shape[i] for i in out_axes])
        out_strides = tuple([self.strides[i] for i in out_axes])
        gy = gy.sum(axis=tuple([i for i in range(gy.ndim)
                                if self.strides[i] == 0]))
        gy = gy.reshape(out_shape)
        in_axes = [i for i in range(geometry.ndim) if geometry.shape[i] != 1]
        in_shape = tuple([geometry.shape[i] for i in in_axes])
        in_strides = tuple([geometry.strides[i] for i in in_axes])

        in_low, in_high = _extent(in_shape, in_strides,
                                  geometry.storage_offset)
        out_low, out_high = _extent(out_shape, out_strides,
                                    self.storage_offset)
        lowest = min(in_low, out_low)
        n_elements = max(in_high, out_high) - lowest + 1
        storage = xp.zeros(n_elements, gy.dtype)
        positions = xp.arange(n_elements)

        out_offset = self.storage_offset - lowest
        if _may_alias(out_shape, out_strides):
            _scatter_add(storage, _stride_array(
                positions, out_shape, out_strides, out_offset), gy)
        else:
            view = _stride_array(storage, out_shape, out_strides, out_offset)
            view[...] = gy

        in_offset = geometry.storage_offset - lowest
        if _may_alias(in_shape, in_strides):
            count = xp.zeros_like(storage)
            _scatter_add(count, _stride_array(
                positions, in_shape, in_strides, in_offset), 1)
            # Memory the input does not read has count 0 and is unused.
            with numpy.errstate(divide='ignore', invalid='ignore'):
                storage /= count
        gx = _stride_array(storage, in_shape, in_strides, in_offset)
        return gx.reshape(geometry.shape),

    def backward(self, indexes, grad_outputs):
        raise NotImplementedError(
            'as_strided does not support double backpropagation')


def as_strided(x, shape, strides, storage_offset=None):
    """Creates a new view of an array with the given shape, strides and
    offset.

    ``strides`` and ``storage_offset`` are counted in elements (not bytes,
    unlike :func:`numpy.lib.stride_tricks.as_strided`), and refer to the
    memory allocation under ``x``: the view of ``x`` itself is ignored.
    Negative strides are allowed. The gradient follows
    ``torch.Tensor.as_strided``: where ``x`` reads a memory element more
    than once, that element's gradient is split evenly among the reads.
    It cannot be differentiated twice.

    .. warning::

        Writing to the result may change other arrays sharing the memory;
        see :func:`numpy.lib.stride_tricks.as_strided`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array whose
            memory is viewed.
        shape (tuple of int): The shape of the output.
        strides (tuple of int): The strides of the output, in elements.
        storage_offset (int): The offset of the first output element from
            the start of the allocation, in elements; by default that of
            ``x``.

    Returns:
        ~chainer.Variable: The new view (sharing ``x``'s memory).

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F

        Overlapping windows of length 3, one step apart; the middle
        elements are read twice, so twice their gradient:

        >>> x = chainer.Variable(np.array([1, 2, 3, 4], np.float32))
        >>> windows = F.as_strided(x, shape=(2, 3), strides=(1, 1))
        >>> windows.array
        array([[1., 2., 3.],
               [2., 3., 4.]], dtype=float32)
        >>> F.sum(windows).backward()
        >>> x.grad
        array([1., 2., 2., 1.], dtype=float32)
    """
    node = AsStrided(shape, strides, storage_offset)
    return node.apply((x,))[0]
