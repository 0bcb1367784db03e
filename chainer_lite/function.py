"""Old-style ``Function`` (array-level backward) and backprop mode contexts."""
import warnings
import weakref

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import configuration
from chainer_lite import function_node
from chainer_lite.function_hook import FunctionHook  # NOQA  (Chainer re-exports it here)
from chainer_lite import variable


def no_backprop_mode():
    """Makes a context manager which disables back-propagation.

    Inside it, function outputs get no creator, so no graph is built.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> x = chainer.Variable(np.array([1.0]))
        >>> with chainer.no_backprop_mode():
        ...     y = x + 1
        >>> y.creator is None
        True
    """
    return configuration.using_config('enable_backprop', False)


def force_backprop_mode():
    """Makes a context manager which enables back-propagation.

    It re-enables graph construction inside a :func:`no_backprop_mode`.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> x = chainer.Variable(np.array([1.0]))
        >>> with chainer.no_backprop_mode():
        ...     with chainer.force_backprop_mode():
        ...         y = x + 1
        >>> y.creator is None
        False
    """
    return configuration.using_config('enable_backprop', True)


class FunctionAdapter(function_node.FunctionNode):
    """Adapter that runs an old-style :class:`Function` as a FunctionNode.

    The adapter retains every input, calls the function's array-level
    ``backward``, and tags the gradients so that they cannot be
    differentiated a second time.

    Args:
        function (~chainer.Function): The function object to wrap.
    """

    _function = None
    _weak_function = None

    def __init__(self, function):
        super(FunctionAdapter, self).__init__()
        self._weak_function = weakref.ref(function)
        function._owned_node = self

    @property
    def function(self):
        """The :class:`Function` object that this adapter is wrapping."""
        func = self._function
        if func is not None:
            return func
        weak = self._weak_function
        return weak and weak()

    @property
    def label(self):
        return self._function.label

    @property
    def _impl_name(self):
        return self._function.__class__.__name__

    def check_type_forward(self, in_types):
        self._function.check_type_forward(in_types)

    def forward(self, inputs):
        self.retain_inputs(range(len(inputs)))
        return self._function.forward(inputs)

    def backward(self, target_input_indexes, grad_outputs):
        n = len(self.inputs)
        in_data = [None] * n
        for retained, i in zip(self.get_retained_inputs(),
                               self._input_indexes_to_retain):
            in_data[i] = None if retained is None else retained.array
        in_data = tuple(in_data)
        grad_out_data = tuple([None if g is None else g.array
                               for g in grad_outputs])
        arrays = [a for a in in_data + grad_out_data if a is not None]
        with backend.using_device(backend.get_device_from_array(*arrays)):
            gxs = self._function.backward(in_data, grad_out_data)
        for x, gx in zip(self.inputs, gxs):
            if gx is not None:
                variable._check_grad_type(self, x, True, gx)
        ret = []
        label = self._function.label
        for i in target_input_indexes:
            gx = gxs[i]
            if gx is None:
                ret.append(None)
                continue
            # requires_grad stays True so that differentiating it again
            # reaches the old-style check and fails loudly.
            g = variable.Variable(gx)
            g.node._old_style_grad_generator = label
            ret.append(g)
        return tuple(ret)


class Function(object):
    """Old-style differentiable function working on arrays.

    Subclasses implement ``forward_cpu``/``forward_gpu`` (or ``forward``)
    and ``backward_cpu``/``backward_gpu`` (or ``backward``) on arrays. All
    inputs are retained for backward. Calling the object applies it:
    it returns one Variable for one output, a tuple otherwise. Gradients of
    old-style functions cannot be differentiated again.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> class Twice(chainer.Function):
        ...     def forward_cpu(self, inputs):
        ...         return 2 * inputs[0],
        ...     def backward_cpu(self, inputs, grad_outputs):
        ...         return 2 * grad_outputs[0],
        >>> x = chainer.Variable(np.array([1.0, 2.0]))
        >>> y = Twice()(x)
        >>> y.grad = np.ones(2)
        >>> y.backward()
        >>> x.grad
        array([2., 2.])
    """

    _node = None
    _owned_node = None

    def __call__(self, *inputs):
        node = self.node
        # The node now owns the function; the function keeps a weak ref.
        node._function = self
        node._weak_function = None
        self._node = weakref.ref(node)
        self._owned_node = None
        ret = node.apply(inputs)
        if len(ret) == 1:
            return ret[0]
        return tuple(ret)

    @property
    def inputs(self):
        """The input nodes of the function."""
        return self.node.inputs

    @property
    def outputs(self):
        """Weak references to the output nodes of the function."""
        return self.node.outputs

    @property
    def node(self):
        """The :class:`FunctionAdapter` wrapping this Function (created on
        demand)."""
        noderef = self._node
        nd = (noderef and noderef()) or self._owned_node
        if nd is not None:
            return nd
        nd = FunctionAdapter(self)
        self._owned_node = nd
        return nd

    @property
    def local_function_hooks(self):
        """Ordered dictionary of function hooks registered to this function."""
        return self.node.local_function_hooks

    @property
    def label(self):
        """Short text that represents the function (its class name)."""
        return self.__class__.__name__

    @property
    def output_data(self):
        """A tuple of the retained output arrays (``None`` elsewhere)."""
        return self.node.output_data

    @property
    def rank(self):
        """The topological ordinal of the corresponding function node."""
        return self.node.rank

    @property
    def stack(self):
        return self.node.stack

    def check_type_forward(self, in_types):
        """Checks types of input data before forward propagation."""
        pass

    def forward(self, inputs):
        """Applies forward propagation to input arrays.

        Dispatches to :meth:`forward_cpu` or :meth:`forward_gpu`.

        Args:
            inputs: Tuple of input arrays.

        Returns:
            Tuple of output arrays.
        """
        if any(cuda._is_cupy_array(x) for x in inputs):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        """Applies forward propagation to input NumPy arrays."""
        raise NotImplementedError()

    def forward_gpu(self, inputs):
        """Applies forward propagation to input CuPy arrays."""
        raise NotImplementedError()

    def backward(self, inputs, grad_outputs):
        """Applies backprop to output gradient arrays.

        Dispatches to :meth:`backward_cpu` or :meth:`backward_gpu`.

        Args:
            inputs: Tuple of input arrays (``None`` where not retained).
            grad_outputs: Tuple of output gradient arrays (``None`` where
                there is none).

        Returns:
            Tuple of input gradient arrays (``None`` for no gradient).
        """
        if any(x is not None and cuda._is_cupy_array(x)
               for x in inputs + grad_outputs):
            return self.backward_gpu(inputs, grad_outputs)
        return self.backward_cpu(inputs, grad_outputs)

    def backward_cpu(self, inputs, grad_outputs):
        """Applies backprop to NumPy gradient arrays (default: no gradient)."""
        return tuple(None for _ in inputs)

    def backward_gpu(self, inputs, grad_outputs):
        """Applies backprop to CuPy gradient arrays (default: no gradient)."""
        return tuple(None for _ in inputs)

    def unchain(self):
        """Purges in/out nodes and this function itself from the graph."""
        self.node.unchain()

    def add_hook(self, hook, name=None):
        """Registers a function hook (see :meth:`FunctionNode.add_hook`)."""
        self.node.add_hook(hook, name)

    def delete_hook(self, name):
        """Unregisters the function hook of the given name."""
        self.node.delete_hook(name)

    def retain_inputs(self, indexes):
        """Lets the given input nodes keep their arrays (call in forward).

        Unlike :meth:`FunctionNode.retain_inputs`, all inputs are retained
        unless this is called.
        """
        self.node.retain_inputs(indexes)

    def retain_outputs(self, indexes, retain_after_backward=False):
        """Lets the given output nodes keep their arrays (call in forward)."""
        if retain_after_backward:
            warnings.warn('retain_after_backward option has no effect',
                          DeprecationWarning)
        self.node.retain_outputs(indexes)
