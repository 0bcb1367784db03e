"""As_strided: a new view of a variable's memory with given shape, strides
and offset (like ``torch.Tensor.as_strided``)."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _byte2step(iterable, itemsize):
    for i in iterable:
        assert i % itemsize == 0
    return tuple([i // itemsize for i in iterable])


def _step2byte(iterable, itemsize):
    return tuple([i * itemsize for i in iterable])


def _maybe_overlapping_memory(shape, strides):
    """Whether an array of this shape and these strides (in steps) may
    reach one memory element through two indices."""
    max_ptr_in_slice = 0
    for stride, size in sorted(zip([abs(s) for s in strides], shape)):
        if stride <= max_ptr_in_slice:
            return True
        max_ptr_in_slice += stride * (size - 1)
    return False


def _min_index(shape, strides, storage_offset):
    """The lowest element offset (in steps) an array reaches."""
    return storage_offset + sum(
        (n - 1) * s for n, s in zip(shape, strides) if s < 0)


def _max_index(shape, strides, storage_offset):
    """The highest element offset (in steps) an array reaches."""
    return storage_offset + sum(
        (n - 1) * s for n, s in zip(shape, strides) if s > 0)


def _index_add(augend, indices, addend):
    """Adds ``addend`` at ``augend[indices]`` in place, accumulating
    repeated indices."""
    if isinstance(augend, numpy.ndarray):
        numpy.add.at(augend, indices, addend)
    else:
        cuda.cupyx.scatter_add(augend, indices, addend)


def _get_base_array(array):
    """The array owning the memory that ``array`` views."""
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
    min_index = _min_index(shape, strides, storage_offset)
    max_index = _max_index(shape, strides, storage_offset)
    byte_strides = _step2byte(strides, array.itemsize)
    byte_offset = storage_offset * array.itemsize
    if min_index < 0:
        raise ValueError('Out of buffer: too small index was specified')
    if isinstance(array, numpy.ndarray):
        base_array = _get_base_array(array)
        if (max_index + 1) * array.itemsize > base_array.nbytes:
            raise ValueError('Out of buffer: too large index was specified')
        return numpy.ndarray(shape, array.dtype, base_array.data,
                             byte_offset, byte_strides)
    if isinstance(array, cuda.ndarray):
        memory = array.data.mem
        if (max_index + 1) * array.itemsize > memory.size:
            raise ValueError('Out of buffer: too large index was specified')
        pointer = cuda.cupy.cuda.MemoryPointer(memory, byte_offset)
        return cuda.cupy.ndarray(shape, array.dtype, pointer, byte_strides)
    raise TypeError('Only (np|cp).ndarray is accepted')


class TensorGeometry(object):

    """Shape, strides and offset (in elements) of an array within its
    allocation."""

    def __init__(self, array):
        self.shape = array.shape
        self.strides = _byte2step(array.strides, array.itemsize)
        if isinstance(array, numpy.ndarray):
            base_array = _get_base_array(array)
            offset_bytes = (array.__array_interface__['data'][0]
                            - base_array.__array_interface__['data'][0])
        elif isinstance(array, cuda.ndarray):
            offset_bytes = array.data.ptr - array.data.mem.ptr
        else:
            raise ValueError('only (np|cp).ndarray is supported')
        self.storage_offset, = _byte2step((offset_bytes,), array.itemsize)
        self.itemsize = array.itemsize

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

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        x, = inputs
        self.input_geometry = TensorGeometry(x)
        if self.storage_offset is None:
            self.storage_offset = self.input_geometry.storage_offset
        return _stride_array(x, self.shape, self.strides,
                             self.storage_offset),

    def backward(self, indexes, grad_outputs):
        return AsStridedGrad(self.input_geometry, self.shape, self.strides,
                             self.storage_offset).apply(grad_outputs)


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

        lowest = min(
            _min_index(in_shape, in_strides, geometry.storage_offset),
            _min_index(out_shape, out_strides, self.storage_offset))
        highest = max(
            _max_index(in_shape, in_strides, geometry.storage_offset),
            _max_index(out_shape, out_strides, self.storage_offset))
        storage = xp.zeros(highest - lowest + 1, gy.dtype)
        positions = xp.arange(highest - lowest + 1)

        out_offset = self.storage_offset - lowest
        if _maybe_overlapping_memory(out_shape, out_strides):
            _index_add(storage, _stride_array(
                positions, out_shape, out_strides, out_offset), gy)
        else:
            _stride_array(storage, out_shape, out_strides, out_offset)[...] \
                = gy

        in_offset = geometry.storage_offset - lowest
        if _maybe_overlapping_memory(in_shape, in_strides):
            count = xp.zeros_like(storage)
            _index_add(count, _stride_array(
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
        ~chainer.Variable: The strided variable.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> x = chainer.Variable(np.arange(4, dtype=np.float32))
        >>> y = F.as_strided(x, (3, 2), (1, 1), 0)
        >>> y
        variable([[0., 1.],
                  [1., 2.],
                  [2., 3.]])
        >>> y.grad = np.ones((3, 2), dtype=np.float32)
        >>> y.backward()
        >>> x.grad
        array([1., 2., 2., 1.], dtype=float32)
    """
    return AsStrided(shape, strides, storage_offset).apply((x,))[0]
