"""FunctionNode: a differentiable function application, and ``chainer.grad``."""
import collections
import operator
import traceback
import weakref

import numpy

from chainer_lite import _backprop
from chainer_lite import _backprop_utils
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import configuration
from chainer_lite import function_hook
from chainer_lite.configuration import using_config
from chainer_lite.utils import type_check
from chainer_lite import variable

_Variable = variable.Variable
_ndarray = numpy.ndarray
_LightTypes = type_check.LightTypeInfoTuple
_make_output = _Variable._output
_shape_and_dtype = operator.attrgetter('shape', 'dtype')
_make_output_without_node = _Variable._output_without_node
_new_variable = _Variable.__new__
_hooks_local = function_hook._thread_local
_apply_flags = configuration._apply_flags
_config_generation = configuration._generation


def _incompatible(label, arrays):
    return TypeError(
        'incompatible array types are mixed in the forward input ({}).\n'
        'Actual: {}'.format(label, ', '.join(str(type(a)) for a in arrays)))


class FunctionNode(object):
    """Function node of the computational graph.

    A function node is created for every application of a differentiable
    function. :meth:`apply` computes the outputs with :meth:`forward` (on
    raw arrays) and, when backprop is enabled, links the outputs to this
    node so that :meth:`backward` (written on Variables, hence itself
    differentiable) can later propagate gradients to the inputs.

    Subclasses implement :meth:`forward` (or :meth:`forward_cpu` and
    :meth:`forward_gpu`) and :meth:`backward`, and say what backward needs
    with :meth:`retain_inputs` / :meth:`retain_outputs`.

    Attributes:
        inputs: Tuple of the input :class:`~chainer.variable.VariableNode`.
        outputs: Tuple of weak references to the output variable nodes.
        rank (int): Topological ordering rank.
        stack: Stack trace recorded at :meth:`apply` in debug mode.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> class Square(chainer.FunctionNode):
        ...     def forward(self, inputs):
        ...         self.retain_inputs((0,))
        ...         return inputs[0] ** 2,
        ...     def backward(self, indexes, grad_outputs):
        ...         x, = self.get_retained_inputs()
        ...         return 2 * x * grad_outputs[0],
        >>> x = chainer.Variable(np.array([3.0]))
        >>> y, = Square().apply((x,))
        >>> y.backward()
        >>> x.grad
        array([6.])
    """

    inputs = None
    outputs = None
    _output_count = None
    rank = 0
    stack = None
    _input_indexes_to_retain = None
    _output_indexes_to_retain = None
    _retained_output_data = None
    _local_function_hooks = None
    lazy_grad_sum = False
    is_elementwise = False
    chainerx_device = None

    @property
    def local_function_hooks(self):
        """Ordered dictionary of function hooks registered to this node."""
        if self._local_function_hooks is None:
            self._local_function_hooks = collections.OrderedDict()
        return self._local_function_hooks

    @property
    def _n_local_function_hooks(self):
        hooks = self._local_function_hooks
        return 0 if hooks is None else len(hooks)

    @property
    def label(self):
        """Short text that represents the function (its class name)."""
        return self.__class__.__name__

    @property
    def _impl_name(self):
        return self.__class__.__name__

    @property
    def output_data(self):
        """A tuple of the retained output arrays (``None`` elsewhere)."""
        if self._retained_output_data is None:
            raise RuntimeError('retained output data is gone')
        out_data = [None] * self._output_count
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            out_data[index] = data
        return tuple(out_data)

    @property
    def input_layouts(self):
        return (None,) * (0 if self.inputs is None else len(self.inputs))

    @property
    def output_layouts(self):
        return (None,) * (self._output_count or 0)

    def __call__(self, *args, **kwargs):
        name = self.__class__.__name__
        if self.__class__.__module__.startswith(('chainer.', 'chainer_lite.')):
            msg = (
                "Chainer's built-in function class object ({}) which is "
                "derived from chainer.FunctionNode has been called as if it "
                "were a callable. Use FunctionNode.apply() method instead.\n"
                "Furthermore, it's not recommended that you use built-in "
                "function classes directly; use corresponding function "
                "aliases (those with snake_case name, such as "
                "F.convolution_nd) instead.".format(name))
        else:
            msg = (
                'A function class object ({}) which is derived from '
                'chainer.FunctionNode has been called as if it were a '
                'callable. Use apply() method instead.'.format(name))
        raise RuntimeError(msg)

    def apply(self, inputs):
        """Computes output variables and grows the computational graph.

        Args:
            inputs: Tuple of input :class:`~chainer.Variable` objects or
                arrays (arrays are wrapped with ``requires_grad=False``).

        Returns:
            A tuple of output :class:`~chainer.Variable` objects.
        """
        flags = _apply_flags.values
        if flags[0] != _config_generation[0]:  # the configuration changed
            flags = configuration._read_apply_flags()
        _, backprop, debug, check_types, lazy_grad_sum = flags
        # One pass over the inputs collects everything the rest needs.
        in_data = []
        on_cpu = True
        requires_grad = False
        if backprop:
            input_vars = []
            rank = 0
            for x in inputs:
                if not isinstance(x, _Variable):
                    x = _wrap_input(x, self)
                input_vars.append(x)
                a = x._data[0]
                in_data.append(a)
                if type(a) is not _ndarray:
                    on_cpu = False
                if x._requires_grad:
                    requires_grad = True
                r = x._node._rank
                if r > rank:
                    rank = r
        else:
            # Without a graph to grow, arrays need no Variable wrapper.
            for x in inputs:
                if isinstance(x, _Variable):
                    a = x._data[0]
                    if x._requires_grad:
                        requires_grad = True
                elif type(x) is _ndarray:
                    a = x
                else:
                    a = _check_raw_input(x, self)
                in_data.append(a)
                if type(a) is not _ndarray:
                    on_cpu = False
        in_data = tuple(in_data)
        if not on_cpu:
            _check_compatible(in_data, self.label)

        if debug:
            self.stack = traceback.extract_stack()
        if check_types:
            # The instance attribute is read, so a check set on the instance
            # runs. Checks marked with type_check._inputs_only remember the
            # input signatures that passed; nodes without a check skip it.
            check = self.check_type_forward
            passed = getattr(check, '_passed_signatures', None)
            if type(passed) is set:  # (a mock check has any attribute)
                try:
                    key = _signature(in_data)
                except AttributeError:  # a None input: no signature
                    self._check_data_type_forward(in_data)
                else:
                    if key not in passed:
                        self._check_data_type_forward(in_data)
                        type_check._remember_pass(passed, key)
            elif getattr(check, '__func__', None) is not _no_type_check:
                self._check_data_type_forward(in_data)

        hooks = _hooks_local.function_hooks
        if self._local_function_hooks:
            hooks = collections.OrderedDict(hooks)
            hooks.update(self._local_function_hooks)
        if hooks:
            hooks = list(hooks.values())
            for hook in hooks:
                hook.forward_preprocess(self, in_data)

        self._input_indexes_to_retain = None
        self._output_indexes_to_retain = None
        if on_cpu:
            outputs = self.forward(in_data)
        else:
            with backend.using_device(
                    backend.get_device_from_array(*in_data)):
                outputs = self.forward(in_data)

        if type(outputs) is not tuple:
            raise TypeError(
                'forward output must be a tuple ({})\n'
                'Actual: {}'.format(self.label, type(outputs)))
        n_out = len(outputs)
        if n_out == 1:
            if type(outputs[0]) is not _ndarray:
                _check_outputs(outputs, self.label)
        else:
            for y in outputs:
                if type(y) is not _ndarray:
                    _check_outputs(outputs, self.label)
                    break
            if n_out > 1 and self.is_elementwise:
                _check_elementwise_shapes(self, in_data, outputs)

        if hooks:
            for hook in hooks:
                hook.forward_postprocess(self, in_data)

        if debug:
            for out in outputs:
                if out is not None and backend._contains_nan(out):
                    raise RuntimeError(
                        'NaN is detected on forward computation of '
                        '{}'.format(self.label))

        self._output_count = n_out
        if not backprop:
            # Outputs without nodes (Variable._output_without_node, inlined
            # for the common single output).
            if n_out == 1:
                y = _new_variable(_Variable)
                y._data = [outputs[0]]
                y._requires_grad = requires_grad
                return y,
            make = _make_output_without_node
            return tuple([make(y, requires_grad) for y in outputs])

        make = _make_output
        ret = tuple([make(y, requires_grad) for y in outputs])
        self.rank = rank
        out_rank = rank + 1
        out_nodes = []
        for y in ret:
            node = y._node
            node._creator_node = self
            node._rank = out_rank
            out_nodes.append(weakref.ref(node))
        self.inputs = tuple([x._node for x in input_vars])
        self.outputs = tuple(out_nodes)
        if self._input_indexes_to_retain is not None:
            for index in self._input_indexes_to_retain:
                input_vars[index].retain_data()
        if self._output_indexes_to_retain is not None:
            retained = []
            for index in self._output_indexes_to_retain:
                ret[index].retain_data()
                retained.append(outputs[index])
            self._retained_output_data = tuple(retained)
        if lazy_grad_sum:
            self.lazy_grad_sum = lazy_grad_sum
        return ret

    def _check_data_type_forward(self, in_data):
        # Light mode first (the flag is set directly: this runs often).
        local = type_check._thread_local
        local.light_mode = True
        try:
            self.check_type_forward(_LightTypes(in_data))
            return
        except type_check.InvalidType:
            pass  # rerun below with full expressions to build the message
        finally:
            local.light_mode = False
        in_type = type_check.get_types(in_data, 'in_types', False)
        with type_check.get_function_check_context(self):
            self.check_type_forward(in_type)

    def check_type_forward(self, in_types):
        """Checks types of input data before forward propagation.

        Args:
            in_types (~chainer.utils.type_check.TypeInfoTuple): The type
                information of the input arrays.
        """
        pass

    def check_layout_forward(self, inputs):
        pass

    def forward(self, inputs):
        """Computes the output arrays from the input arrays.

        The default dispatches to :meth:`forward_cpu` or :meth:`forward_gpu`
        by the type of the first input.

        Args:
            inputs: Tuple of input arrays.

        Returns:
            Tuple of output arrays (a tuple even for one output).
        """
        assert len(inputs) > 0
        if type(inputs[0]) is _ndarray:
            return self.forward_cpu(inputs)
        return self.forward_gpu(inputs)

    def forward_cpu(self, inputs):
        """Computes the output arrays from input NumPy arrays."""
        raise NotImplementedError

    def forward_gpu(self, inputs):
        """Computes the output arrays from input CuPy arrays."""
        raise NotImplementedError

    def forward_chainerx(self, inputs):
        from chainer_lite import Fallback
        return Fallback

    def retain_inputs(self, indexes):
        """Lets the given input nodes keep their arrays (call in forward).

        Args:
            indexes (iterable of int): Indexes of the inputs that backward
                needs.
        """
        self._input_indexes_to_retain = indexes

    def retain_outputs(self, indexes):
        """Lets the given output nodes keep their arrays (call in forward).

        Args:
            indexes (iterable of int): Indexes of the outputs that backward
                needs.
        """
        self._output_indexes_to_retain = indexes

    def backward(self, target_input_indexes, grad_outputs):
        """Computes gradients w.r.t. specified inputs given output gradients.

        Args:
            target_input_indexes (tuple of int): Sorted indexes of the inputs
                that need gradients.
            grad_outputs (tuple of Variable): Gradients w.r.t. the outputs
                (``None`` where there is none).

        Returns:
            Tuple of Variables (or ``None``), one per input or one per target
            index.
        """
        return (None,) * len(target_input_indexes)

    # Not overridden unless a subclass fuses backward with the gradient sum;
    # the backprop loop checks identity with this default to skip it.
    backward_accumulate = _backprop_utils._default_backward_accumulate

    def _get_error_message(self, message):
        lines = [message,
                 '  function={} ({})'.format(self._impl_name, self.label)]
        if self.inputs:
            for i, x in enumerate(self.inputs):
                lines.append('    input {}: shape={} dtype={}'.format(
                    i, x.shape, x.dtype))
        if self.outputs:
            for i, ref in enumerate(self.outputs):
                y = ref()
                if y is None:
                    lines.append('    output {}: not available')
                else:
                    lines.append('    output {}: shape={} dtype={}'.format(
                        i, y.shape, y.dtype))
        return '\n'.join(lines)

    def get_retained_inputs(self):
        """Returns a tuple of the retained input Variables (``()`` if none)."""
        if self._input_indexes_to_retain is None or self.inputs is None:
            return ()
        retained = []
        for index in self._input_indexes_to_retain:
            x = self.inputs[index]
            retained.append(None if x.data is None else x.get_variable())
        return tuple(retained)

    def get_retained_outputs(self):
        """Returns a tuple of the retained output Variables (``()`` if none).

        If an output node was garbage-collected, a fresh variable node is
        created and attached as that output of this function node.
        """
        if self._output_indexes_to_retain is None or self.outputs is None:
            return ()
        if self._retained_output_data is None:
            raise ValueError(self._get_error_message(
                'retain_outputs is not called in forward.'))
        ret = []
        new_outputs = list(self.outputs)
        modified = False
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            node = self.outputs[index]()
            if node is None:
                var = _Variable(data)
                var.creator_node = self
                new_outputs[index] = weakref.ref(var.node)
                modified = True
            else:
                var = node.get_variable()
            ret.append(None if var.array is None else var)
        if modified:
            self.outputs = tuple(new_outputs)
        return tuple(ret)

    def unchain(self):
        """Purges in/out nodes and this function node itself from the graph."""
        for y in self.outputs:
            node = y()
            if node is not None:
                node.unchain()
        self.inputs = None
        self.outputs = None

    def add_hook(self, hook, name=None):
        """Registers a function hook to this node only.

        Args:
            hook (~chainer.FunctionHook): Function hook to register.
            name (str): Name of the hook (default: ``hook.name``).
        """
        if not isinstance(hook, function_hook.FunctionHook):
            raise TypeError('Hook must be of type FunctionHook')
        if name is None:
            name = hook.name
        hooks = self.local_function_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        hook.added(self)

    def delete_hook(self, name):
        """Unregisters the function hook of the given name."""
        if name in self.local_function_hooks:
            self.local_function_hooks[name].deleted(self)
            del self.local_function_hooks[name]
        else:
            raise KeyError('Hook %s does not exist' % name)


_no_type_check = FunctionNode.check_type_forward


def _check_raw_input(x, func):
    # None is let through as Chainer does (e.g. a missing output gradient);
    # the function's forward then fails on it.
    if x is None or isinstance(x, _ndarray) or cuda._is_cupy_array(x):
        return x
    raise _incompatible(func.label, [x])


def _wrap_input(x, func):
    return _Variable._output(_check_raw_input(x, func), False)


def _signature(in_data):
    # The shapes and dtypes of the inputs, flat (spelled out for the usual
    # one to three inputs: this runs on every apply).
    n = len(in_data)
    if n == 1:
        a, = in_data
        return a.shape, a.dtype
    if n == 2:
        a, b = in_data
        return a.shape, a.dtype, b.shape, b.dtype
    if n == 3:
        a, b, c = in_data
        return a.shape, a.dtype, b.shape, b.dtype, c.shape, c.dtype
    return tuple(map(_shape_and_dtype, in_data))


def _check_elementwise_shapes(func, in_data, outputs):
    shape0 = outputs[0].shape
    if not all([y.shape == shape0 for y in outputs]):
        raise RuntimeError(
            'An elementwise function returned outputs with '
            'different shapes.\nFunction: {}\nInput shapes: {}\n'
            'Output shapes: {}'.format(
                func.label,
                ', '.join(repr(x.shape) for x in in_data),
                ', '.join(repr(y.shape) for y in outputs)))


def _check_compatible(arrays, label):
    import chainer_lite
    if not chainer_lite.is_arrays_compatible(arrays):
        raise _incompatible(label, arrays)


def _check_outputs(outputs, label):
    import chainer_lite
    if chainer_lite.is_arrays_compatible(outputs):
        return
    if not all(isinstance(y, chainer_lite.get_array_types())
               for y in outputs):
        raise TypeError(
            'forward output must be a tuple of ndarrays.\n'
            'Function: {}\nActual output types: {}'.format(
                label, tuple(type(y) for y in outputs)))
    raise TypeError(
        'incompatible array types are mixed in the forward output '
        '({}).\nActual: {}'.format(
            label, ', '.join(str(type(x)) for x in outputs)))


def grad(outputs, inputs, grad_outputs=None, grad_inputs=None, set_grad=False,
         retain_grad=False, enable_double_backprop=False, loss_scale=None):
    """Computes the gradient of output variables w.r.t. the input variables.

    Only the part of the graph between ``outputs`` and ``inputs`` is
    traversed, and the ``grad`` attributes are left untouched unless
    ``set_grad`` is True.

    Args:
        outputs (tuple or list of ~chainer.Variable): Output variables.
        inputs (tuple or list of ~chainer.Variable): Input variables.
        grad_outputs (tuple or list of ~chainer.Variable): Initial output
            gradients; ones by default, for outputs of any size.
        grad_inputs (tuple or list of ~chainer.Variable): Gradients added to
            the results.
        set_grad (bool): Also store the results in the inputs' ``grad_var``.
        retain_grad (bool): Keep gradients of the intermediate variables.
        enable_double_backprop (bool): Make the results differentiable.
        loss_scale (float): Scale of the initial output gradients.

    Returns:
        list of ~chainer.Variable: The gradient w.r.t. each input.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> x = chainer.Variable(np.array([2.0]))
        >>> y = x ** 3
        >>> gx, = chainer.grad([y], [x])
        >>> gx.array
        array([12.])
    """
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(type(outputs)))
    if not isinstance(inputs, (tuple, list)):
        raise TypeError(
            'inputs must be a tuple or a list, not {}.'.format(type(inputs)))
    if grad_outputs is not None:
        if not isinstance(grad_outputs, (tuple, list)):
            raise TypeError(
                'grad_outputs must be a tuple or a list or None, not {}.'
                .format(type(grad_outputs)))
        if len(outputs) != len(grad_outputs):
            raise ValueError(
                'grad_outputs must be of the same length as outputs.\n'
                'len(outputs) = {}, len(grad_outputs) = {}'
                .format(len(outputs), len(grad_outputs)))
    if grad_inputs is not None:
        if not isinstance(grad_inputs, (tuple, list)):
            raise TypeError(
                'grad_inputs must be a tuple or a list or None, not {}.'
                .format(type(grad_inputs)))
        if len(inputs) != len(grad_inputs):
            raise ValueError(
                'grad_inputs must be of the same length as inputs.\n'
                'len(inputs) = {}, len(grad_inputs) = {}'
                .format(len(inputs), len(grad_inputs)))

    for v in outputs:
        v.node._check_old_style_gradient()

    # 1. Walk back from the outputs, recording the forward edges.
    candidates = [v.creator_node for v in outputs
                  if v.creator_node is not None]
    visited = set()
    forward_graph = collections.defaultdict(list)
    while candidates:
        func = candidates.pop()
        if func in visited:
            continue
        visited.add(func)
        for x in func.inputs:
            x._check_old_style_gradient()
            if not x.requires_grad:
                continue
            forward_graph[x].append(func)
            creator = x.creator_node
            if creator is not None and creator not in visited:
                candidates.append(creator)

    # 2. Walk forward from the inputs: the nodes on some input-output path.
    candidate_vars = [x.node for x in inputs]
    visited = set()
    grad_required = set()
    while candidate_vars:
        x = candidate_vars.pop()
        grad_required.add(x)
        for func in forward_graph[x]:
            if func in visited:
                continue
            visited.add(func)
            for y_ref in func.outputs:
                y = y_ref()
                if y is not None and y in forward_graph:
                    candidate_vars.append(y)

    # 3. Backprop over that subgraph in rank order.
    grads = _backprop_utils.GradTable()
    if grad_outputs is None:
        grad_outputs = (None,) * len(outputs)
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            gy_data = y.xp.ones_like(y.array)
            if loss_scale is not None:
                gy_data *= loss_scale
            gy = _Variable(gy_data, requires_grad=False)
        grads[y.node] = variable.as_variable(gy)
    if grad_inputs is not None:
        for x, gx in zip(inputs, grad_inputs):
            if gx is not None:
                grads[x.node] = variable.as_variable(gx)

    with using_config('enable_backprop', enable_double_backprop):
        ret_dict = _backprop._backprop_to_inputs(
            outputs, inputs, grad_required, retain_grad, grads, loss_scale)

    ret = [ret_dict[x.node] for x in inputs]
    if set_grad:
        for x, gx in zip(inputs, ret):
            x.grad_var = gx
    return ret
