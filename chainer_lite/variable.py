"""Variables: the arrays that remember how they were computed."""
import copy as copy_module
import traceback
import warnings
import weakref

import numpy

from chainer_lite import _backprop
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.configuration import using_config
from chainer_lite.utils import argument


def _is_array(x):
    return isinstance(x, numpy.ndarray) or cuda._is_cupy_array(x)


def _array_types():
    import chainer_lite
    return chainer_lite.get_array_types()


def _raise_grad_error(exc_type, func, msg):
    detail = ''
    if func:
        detail = 'Function `{0}` ({1}) has a bug.\n'.format(
            type(func).__name__, func.label)
        stack = func.stack
        if stack:
            detail += 'Stacktrace of the function is below:\n'
            for line in traceback.format_list(stack):
                detail += line
        detail += '''
Please report this error to the issue tracker with the stack trace,
the information of your environment, and your script:
https://github.com/chainer/chainer/issues/new.
'''
    raise exc_type(detail + msg)


def _check_grad_type(func, x, is_node_x, gx):
    """Checks that ``gx`` can be the gradient of ``x`` (node or Variable)."""
    if is_node_x:
        x_data = x._data
        x_shape = x.shape
    else:
        x_data = x._data[0]
        x_shape = None if x_data is None else x_data.shape
        if x_data is None:
            return
    if x.dtype is None or x_shape is None:
        return

    if not _is_array(gx):
        _raise_grad_error(
            TypeError, func,
            'Type of grad is invalid:\n'
            + 'Expected: Any of {}\n'.format(_array_types())
            + 'Actual: {}'.format(type(gx)))
    elif x_data is not None and type(gx) is not type(x_data):
        _raise_grad_error(
            TypeError, func,
            'Type of data and grad mismatch\ngrad: %s != data: %s'
            % (type(gx), type(x_data)))
    elif gx.dtype != x.dtype:
        _raise_grad_error(
            TypeError, func,
            'Dtype of data and grad mismatch\ngrad: %s != data: %s'
            % (gx.dtype, x.dtype))
    elif gx.shape != x_shape:
        _raise_grad_error(
            ValueError, func,
            'Shape of data and grad mismatch\ngrad: %s != data: %s'
            % (gx.shape, x_shape))


def _to_cpu_for_print(array):
    if array is None or isinstance(array, numpy.ndarray):
        return array
    return cuda.to_cpu(array)


def variable_repr(var):
    """Returns the string representation of a variable (like ``repr``)."""
    arr = _to_cpu_for_print(var.array)
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr is None:
        lst = 'None'
    elif arr.size > 0 or arr.shape == (0,):
        lst = numpy.array2string(arr, None, None, None, ', ', prefix + '(')
    else:
        lst = '[], shape=%s' % (repr(arr.shape),)
    return '%s(%s)' % (prefix, lst)


def variable_str(var):
    """Returns the string representation of a variable (like ``str``)."""
    arr = _to_cpu_for_print(var.array)
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr is None:
        lst = 'None'
    else:
        lst = numpy.array2string(arr, None, None, None, ' ', prefix + '(')
    return '%s(%s)' % (prefix, lst)


class VariableNode(object):
    """Node in the backward computational graph representing a variable.

    The graph holds these nodes rather than the Variables themselves, so that
    an intermediate array can be freed once nothing needs it. A node keeps a
    weak reference to its Variable, the function that created it, and the
    array only when it is retained.

    Args:
        variable (~chainer.Variable): The corresponding variable.
        name (str): Name of the variable.
    """

    __slots__ = ('_variable', '_creator_node', '_data', '_rank', 'name',
                 '_requires_grad', 'dtype', 'shape',
                 '_old_style_grad_generator', '__weakref__')

    def __init__(self, variable, name, **kwargs):
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs, grad='unexpected keyword argument "grad": '
                'pass the gradient to Variable instead')
            argument.assert_kwargs_empty(kwargs)
        self._variable = weakref.ref(variable)
        self._creator_node = None
        self._data = None
        self._rank = 0
        self.name = name
        self._requires_grad = variable._requires_grad
        self._old_style_grad_generator = None
        array = variable._data[0]
        if array is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = array.dtype
            self.shape = array.shape

    @property
    def creator(self):
        """Function object (old style) or function node that created this."""
        node = self._creator_node
        if node is None:
            return None
        from chainer_lite import function
        if isinstance(node, function.FunctionAdapter):
            return node.function
        return node

    @creator.setter
    def creator(self, func):
        self.set_creator(func)

    @property
    def creator_node(self):
        """:class:`~chainer.FunctionNode` that created this node."""
        return self._creator_node

    @creator_node.setter
    def creator_node(self, func):
        from chainer_lite import function
        if isinstance(func, function.Function):
            func = func.node
        self._creator_node = func
        if func is not None:
            self._rank = func.rank + 1

    @property
    def data(self):
        """The retained data array (``None`` unless retained)."""
        return self._data

    @data.setter
    def data(self, d):
        self._data = d
        self._update_data_info(d)

    @property
    def grad(self):
        """Gradient array of the corresponding variable, if it is alive."""
        var = self._variable()
        return None if var is None else var.grad

    @property
    def grad_var(self):
        """Gradient variable of the corresponding variable, if it is alive."""
        var = self._variable()
        return None if var is None else var.grad_var

    @property
    def label(self):
        """Short text that represents the variable node."""
        if self.shape == ():
            return str(self.dtype)
        return '(%s), %s' % (', '.join(map(str, self.shape)), str(self.dtype))

    @property
    def rank(self):
        return self._rank

    @property
    def requires_grad(self):
        """It indicates that ``grad`` will be set in backward calculation."""
        return self._requires_grad

    def get_variable(self):
        """Returns the corresponding :class:`~chainer.Variable` object.

        If the variable is gone, a new Variable holding the retained data is
        created and attached to this node.
        """
        var = self._variable()
        if var is not None:
            return var
        var = Variable._from_node(self)
        return var

    def get_variable_or_none(self):
        """Returns the corresponding Variable, or ``None`` if it is gone."""
        return self._variable()

    def set_creator(self, creator):
        """Sets a :class:`~chainer.Function` object that created this node."""
        self.creator_node = creator

    def set_creator_node(self, creator_node):
        """Sets a :class:`~chainer.FunctionNode` object that created it."""
        self.creator_node = creator_node

    def unchain(self):
        """Deletes the reference to the creator of this variable node."""
        self._creator_node = None

    def retain_data(self):
        """Lets the node hold a reference to the underlying data array."""
        variable = self._variable()
        if variable is not None:
            self.data = variable.array
        else:
            raise RuntimeError('cannot retain variable data: the variable has '
                               'been already released')

    def _update_data_info(self, d):
        if d is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = d.dtype
            self.shape = d.shape

    def _check_old_style_gradient(self):
        if self._old_style_grad_generator is not None:
            raise RuntimeError(
                'cannot twice-differentiate an old style Function "%s"'
                % self._old_style_grad_generator)


def _create_variable(data, name, grad, requires_grad, device=None):
    var = Variable(data, name=name, grad=grad, requires_grad=requires_grad)
    return var


class _NodeOnDemand(object):

    # A non-data descriptor: it is only consulted while the instance has no
    # ``_node`` of its own.

    def __get__(self, var, owner):
        if var is None:
            return self
        node = VariableNode(var, None)
        var._node = node
        return node


class Variable(object):
    """__init__(data=None, *, name=None, grad=None, requires_grad=True)

    An array that remembers the computation which produced it.

    Every variable holds a data array of type either :class:`numpy.ndarray`
    or :class:`cupy.ndarray`. A variable produced by a function remembers its
    creator, so that calling :meth:`backward` on it computes the gradients of
    every variable it depends on.

    Args:
        data (:ref:`ndarray`): Initial data array, or ``None``.
        name (str): Name of the variable.
        grad (:ref:`ndarray`): Initial gradient array.
        requires_grad (bool): Whether backprop computes this variable's
            gradient.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> x = chainer.Variable(np.array([5.0]))
        >>> y = x ** 2 - 2 * x + 1
        >>> y.backward()
        >>> x.grad
        array([8.])
    """

    __array_priority__ = 200
    _layout = None
    # The node of a variable made by _output_without_node, made on first use
    # (an instance attribute, once set, hides this descriptor).
    _node = _NodeOnDemand()
    # Defaults of the per-instance state (function outputs keep them).
    _grad_valid = True
    _loss_scale = None
    _grad_var = None
    # chainer_lite has no ChainerX; kept because user code and tests read it.
    _has_chainerx_array = False
    # True only for a gradient sum that backprop owns and may add into in
    # place (see _backprop_utils._sum_without_graph).
    _accumulator = False

    def __init__(self, data=None, **kwargs):
        if kwargs:
            name, grad, requires_grad, grad_valid, _ = argument.parse_kwargs(
                kwargs, ('name', None), ('grad', None),
                ('requires_grad', True), ('_grad_valid', True),
                ('layout', None),
                volatile='volatile argument is not supported anymore. '
                'Use chainer.using_config')
            assert isinstance(requires_grad, bool)
        else:
            name = grad = None
            requires_grad = grad_valid = True
        if data is not None and not _is_array(data):
            raise TypeError(
                'numpy.ndarray or cuda.ndarray are expected.\n'
                'Actual: {}'.format(type(data)))
        self._data = [data]
        self._requires_grad = requires_grad
        self._node = VariableNode(self, name)
        self._grad_valid = grad_valid
        self._loss_scale = None
        self._grad_var = None if grad is None else Variable(grad)

    @classmethod
    def _output(cls, array, requires_grad):
        """Fast constructor for function outputs (no argument checks)."""
        self = cls.__new__(cls)
        self._data = [array]
        self._requires_grad = requires_grad
        self._node = VariableNode(self, None)
        return self

    @classmethod
    def _output_without_node(cls, array, requires_grad):
        """Like :meth:`_output`, for outputs made without backprop.

        Nothing links such a variable into a graph, so its node is only made
        if something asks for it (``Variable._node`` is then made by a
        descriptor).
        """
        self = cls.__new__(cls)
        self._data = [array]
        self._requires_grad = requires_grad
        return self

    @classmethod
    def _init_unchecked(cls, data=None, name=None, grad=None,
                        requires_grad=True, is_chainerx_array=None,
                        node=None, layout=None):
        """Creates a Variable without checking the arguments."""
        if node is None:
            self = cls._output(data, requires_grad)
            if name is not None:
                self._node.name = name
        else:  # the node's own name stands
            self = cls._output_without_node(data, requires_grad)
            self._node = node
            node._variable = weakref.ref(self)
        if grad is not None:
            self._grad_var = Variable(grad)
        return self

    @property
    def _grad(self):
        gv = self._grad_var
        return None if gv is None else gv._data[0]

    @classmethod
    def _from_node(cls, node):
        self = cls._output_without_node(node._data, node._requires_grad)
        self._node = node
        node._variable = weakref.ref(self)
        return self

    def __copy__(self):
        return self._copy_to(Variable())

    def _copy_to(self, target):
        # The data list is shared, so initializing an uninitialized parameter
        # also initializes its shallow copies (what Link.copy relies on).
        target.__dict__ = copy_module.copy(self.__dict__)
        target._node = VariableNode(target, self.name)
        return target

    def __reduce__(self):
        return _create_variable, (self.array, self.name, self.grad,
                                  self._requires_grad)

    def __repr__(self):
        return variable_repr(self)

    def __str__(self):
        return variable_str(self)

    @property
    def xp(self):
        """Array module (numpy or cupy) of the data array."""
        array = self._data[0]
        if array is None:
            return numpy
        return backend.get_array_module(array)

    # The device given to to_device (which may keep a NumPy array, e.g. a
    # fallback device); None means "the device of the array".
    _device = None

    @property
    def device(self):
        """:class:`~chainer.backend.Device` where the data array lives."""
        if self._device is not None:
            return self._device
        array = self._data[0]
        if array is None:
            return backend.CpuDevice()
        return backend.get_device_from_array(array)

    def summary(self):
        if self.name:
            return '<variable %s>' % self.name
        return '<variable at 0x%x>' % id(self)

    def debug_print(self):
        """Returns a summary of the data and the location of the Variable."""
        msg = ('{summary}\n- device: {device}\n- backend: {backend}\n'
               '- shape: {shape}\n- dtype: {dtype}\n- statistics: {stats}\n'
               '- grad: {grad}')
        stats_msg = 'mean={0:.8f}, std={1:.8f}'
        array = self.array
        xp = self.xp
        if array is None:
            device = backend_type = stats = None
        else:
            device = 'CPU' if isinstance(array, numpy.ndarray) else \
                getattr(array, 'device', 'CPU')
            backend_type = type(array)
            stats = stats_msg.format(float(xp.mean(array)),
                                     float(xp.std(array)))
        shape = getattr(array, 'shape', None)
        dtype = getattr(array, 'dtype', None)
        grad = self.grad
        if grad is None:
            grad_msg = None
        elif xp.all(grad == 0):
            grad_msg = 0
        else:
            grad_msg = stats_msg.format(float(xp.mean(grad)),
                                        float(xp.std(grad)))
        return msg.format(summary=self.summary(), device=device,
                          backend=backend_type, shape=shape, dtype=dtype,
                          stats=stats, grad=grad_msg)

    def __pos__(self):
        return self

    def __len__(self):
        return len(self._data[0])

    @property
    def label(self):
        """Short text that represents the variable."""
        return self._node.label

    @property
    def name(self):
        return self._node.name

    @name.setter
    def name(self, n):
        self._node.name = n

    @property
    def array(self):
        """The underlying data array."""
        return self._data[0]

    @array.setter
    def array(self, d):
        self._data[0] = d
        node = self._node
        node._update_data_info(d)
        if node._data is not None:  # the retained array follows the new one
            node._data = d
        self._device = None

    data = array

    @property
    def raw_array(self):
        """The underlying raw data array (same as :attr:`array` here)."""
        return self._data[0]

    @property
    def chx_array(self):
        raise RuntimeError('ChainerX is not available in chainer_lite.')

    @property
    def layout(self):
        return None

    def as_layout(self, layout):
        if layout is None:
            return self
        raise RuntimeError('memory layouts are not supported by chainer_lite')

    def _check_grad_valid(self):
        if not self._grad_valid:
            raise RuntimeError(
                'Cannot retrieve Variable.grad. '
                'Either it must be set manually or Variable.cleargrad() '
                'must be called beforehand.')

    @property
    def grad(self):
        """Gradient array of this variable (``None`` if not computed)."""
        if not self._grad_valid:
            self._check_grad_valid()
        gv = self._grad_var
        return None if gv is None else gv._data[0]

    @grad.setter
    def grad(self, g):
        if g is not None:
            _check_grad_type(None, self, False, g)
        self._set_grad_without_check(g)

    def _set_grad_without_check(self, g):
        self._grad_var = None if g is None else Variable(g)
        self._grad_valid = True

    @property
    def grad_var(self):
        """Gradient as a :class:`~chainer.Variable` (``None`` if absent)."""
        if not self._grad_valid:
            self._check_grad_valid()
        return self._grad_var

    @grad_var.setter
    def grad_var(self, g):
        if g is not None:
            _check_grad_type(None, self, False, g.array)
        self._set_grad_var_without_check(g)

    def _set_grad_var_without_check(self, gv):
        self._grad_var = gv
        self._grad_valid = True

    def _set_grad_var_if_available(self, g):
        self._set_grad_var_without_check(g)

    @property
    def shape(self):
        return self._data[0].shape

    @property
    def ndim(self):
        return self._data[0].ndim

    @property
    def size(self):
        return self._data[0].size

    @property
    def dtype(self):
        return self._data[0].dtype

    @property
    def rank(self):
        return self._node.rank

    @property
    def node(self):
        return self._node

    @property
    def requires_grad(self):
        """It indicates that ``grad`` will be set in backward calculation."""
        return self._requires_grad

    @property
    def T(self):
        """Transposition of this variable."""
        from chainer_lite.functions.array import transpose
        return transpose.transpose(self)

    def item(self):
        """Converts the variable with one element to a Python scalar."""
        return self._data[0].item()

    def mean(self, axis=None, *, weights=None, keepdims=False):
        """Calculates the weighted average (see :func:`~chainer.functions.average`)."""
        from chainer_lite.functions.math import average
        return average.average(self, axis, weights, keepdims)

    def to_cpu(self):
        """Copies the data and gradient arrays to CPU."""
        self.to_device(backend.CpuDevice())

    def to_gpu(self, device=None):
        """Copies the data and gradient arrays to the specified GPU."""
        self.to_device(cuda._get_device_or_current(device))

    def to_intel64(self):
        raise RuntimeError('iDeep is not available in chainer_lite.')

    def to_chx(self):
        raise RuntimeError('ChainerX is not available.')

    def from_chx(self):
        raise RuntimeError('ChainerX is not available.')

    def to_device(self, device):
        """Copies the data and gradient arrays to the specified device.

        Args:
            device: Target device specifier (see
                :func:`chainer.get_device`).
        """
        device = backend.get_device(device)
        self._device = device
        arr = self._data[0]
        if arr is None:
            return
        if backend.get_device_from_array(arr) == device:
            return
        self._data = [device.send(arr)]
        gv = self._grad_var
        if gv is not None:
            gv.to_device(device)
        node = self._node
        if node._data is not None:
            node.retain_data()

    def cleargrad(self):
        """Clears the gradient array."""
        self._grad_var = None
        self._grad_valid = True

    def zerograd(self):
        """Initializes the gradient array by zeros (deprecated)."""
        warnings.warn(
            'Variable.zerograd is deprecated. Use Variable.cleargrad '
            'instead.', DeprecationWarning)
        if self.array is None:
            return
        gv = self._grad_var if self._grad_valid else None
        if gv is None:
            xp = self.xp
            self._set_grad_without_check(xp.zeros_like(self.array))
        else:
            gv.unchain()
            gv.array.fill(0)

    def copydata(self, var):
        """Copies the data array from given source variable.

        An uninitialized parameter on either side is initialized with the
        other side's shape first.
        """
        src = var.array
        dst = self.array
        if src is None:
            if dst is None:
                return
            var.initialize(self.shape)
            src = var.array
        elif dst is None:
            self.initialize(src.shape)
            dst = self.array
        backend.copyto(dst, src)

    def addgrad(self, var):
        """Accumulates the gradient array from given source variable.

        ``self.grad`` becomes ``self.grad + var.grad`` (a new array), copied
        across devices if needed; an uninitialized parameter is initialized
        with the source's shape first.
        """
        src = var._grad_var if var._grad_valid else None
        if src is None:
            return
        if self.array is None:
            self.initialize(var.shape)
        src_array = src.array
        if self.array is not None:
            src_array = self.device.send(src_array)
        dst = self._grad_var if self._grad_valid else None
        if dst is None:
            self._set_grad_without_check(src_array.copy())
        else:
            self._set_grad_without_check(dst.array + src_array)

    def set_creator(self, gen_func):
        """Notifies the variable that the given function is its creator."""
        self._node.set_creator(gen_func)

    def set_creator_node(self, fnode):
        """Notifies the variable that the given node is its creator."""
        self._node.set_creator_node(fnode)

    @property
    def creator(self):
        """Function object (old style) or node that created this variable."""
        return self._node.creator

    @creator.setter
    def creator(self, func):
        self._node.creator = func

    @property
    def creator_node(self):
        """:class:`~chainer.FunctionNode` object that created this variable."""
        return self._node._creator_node

    @creator_node.setter
    def creator_node(self, func):
        self._node.creator_node = func

    def backward(self, retain_grad=False, enable_double_backprop=False,
                 loss_scale=None):
        """Runs error backpropagation from this variable.

        The gradients of every variable this one depends on are computed and
        accumulated into their ``grad``. For a one-element variable with no
        gradient set, the initial gradient is one.

        Args:
            retain_grad (bool): Keep the gradients of intermediate variables.
            enable_double_backprop (bool): Build the graph of the backward
                computation so that it can be differentiated again.
            loss_scale (float): Multiplies the initial gradient (for loss
                scaling); parameters' update rules divide it back.
        """
        self._node._check_old_style_gradient()
        if self.creator_node is None:
            return
        if self.array.size == 1 and self._grad_var is None:
            if self.array.ndim != 0:
                warnings.warn(
                    'Treating a variable with only one element as a scalar'
                    ' in Variable.backward is deprecated. A scalar variable'
                    ' must be a 0-dimensional array. Apply'
                    ' chainer.functions.squeeze to obtain a scalar variable.'
                    ' If the size of this variable accidentally becomes one,'
                    ' set zero to grad.',
                    DeprecationWarning)
            xp = self.xp
            init = xp.ones_like(self.array)
            if loss_scale is not None:
                init *= loss_scale
            self._grad_var = Variable(init, requires_grad=False)
            self._grad_valid = True
        grad_var = self.grad_var
        self._grad_var = None
        with using_config('enable_backprop', enable_double_backprop):
            _backprop._backprop_to_all(
                [(self._node, grad_var)], retain_grad, loss_scale)
        if retain_grad:
            self._set_grad_var_without_check(grad_var)

    def unchain(self):
        """Deletes the reference to the creator of this variable."""
        self._node.unchain()

    def unchain_backward(self):
        """Deletes references between variable and function nodes behind it.

        After this, the variable behaves as a leaf: backward calls stop here.
        """
        cand_funcs = []
        seen = set()

        def add_cand(cand):
            if cand is not None and cand not in seen:
                cand_funcs.append(cand)
                seen.add(cand)

        add_cand(self.creator_node)
        while cand_funcs:
            func = cand_funcs.pop()
            for var in func.inputs:
                add_cand(var.creator_node)
            func.unchain()

    def retain_data(self):
        """Lets the corresponding variable node keep the underlying array."""
        self._node.data = self._data[0]

    def reshape(self, *shape):
        """Returns a variable of a different shape and the same content."""
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        from chainer_lite.functions.array import reshape
        return reshape.reshape(self, tuple(shape))

    def transpose(self, *axes):
        """Permute the dimensions of an input variable without copy."""
        if len(axes) == 0:
            axes = None
        elif len(axes) == 1 and (isinstance(axes[0], (tuple, list))
                                 or axes[0] is None):
            axes = axes[0]
        from chainer_lite.functions.array import transpose
        return transpose.transpose(self, axes)

    def __eq__(self, other):
        raise _no_comparison('==')

    def __ne__(self, other):
        raise _no_comparison('!=')

    def __lt__(self, other):
        raise _no_comparison('<')

    def __le__(self, other):
        raise _no_comparison('<=')

    def __gt__(self, other):
        raise _no_comparison('>')

    def __ge__(self, other):
        raise _no_comparison('>=')

    def __bool__(self):
        raise TypeError('Variables cannot be evaluated as Python bool.')

    __nonzero__ = __bool__
    __hash__ = None


def _no_comparison(op):
    return TypeError(
        'Variables do not support {} operator. '
        'You could use `array` attribute instead.'.format(op))


def _recover_parameter(data, name, grad, grad_valid, initializer,
                       update_rule, device=None):
    p = Parameter(initializer=initializer, name=name)
    p._data = [data]
    p._node._update_data_info(data)
    p._grad_var = None if grad is None else Variable(grad)
    p._grad_valid = grad_valid
    p.update_rule = update_rule
    return p


class Parameter(Variable):
    """Parameter variable that can be registered to a link.

    A parameter is a variable that a :class:`~chainer.Link` owns when it is
    assigned inside :meth:`~chainer.Link.init_scope`. It can be created
    uninitialized (no shape yet) and initialized later by its initializer.

    Args:
        initializer (~chainer.Initializer, :ref:`ndarray` or scalar):
            Initializer of the data array (``None`` means NaN-filled).
        shape (int or tuple of int or None): Shape of the parameter; with
            ``None`` the initialization waits for :meth:`initialize`.
        name (str): Name of the parameter.

    Example:

        >>> import chainer
        >>> p = chainer.Parameter(0.5, (2,))
        >>> p.array
        array([0.5, 0.5], dtype=float32)
    """

    initializer = None
    _grad_initializer = None

    def __init__(self, initializer=None, shape=None, name=None):
        from chainer_lite import initializers
        from chainer_lite.initializers import constant
        if initializer is None:
            initializer = constant.NaN()
        elif numpy.isscalar(initializer):
            initializer = constant.Constant(initializer)
        if shape is None:
            if _is_array(initializer):
                super(Parameter, self).__init__(initializer, name=name)
            else:
                super(Parameter, self).__init__(name=name, _grad_valid=False)
                dtype = getattr(initializer, 'dtype', None)
                self._grad_initializer = constant.NaN(dtype)
        else:
            if _is_array(initializer):
                xp = backend.get_array_module(initializer)
                initializer = constant.Constant(initializer)
            else:
                xp = numpy
            data = initializers.generate_array(initializer, shape, xp)
            grad = xp.full_like(data, numpy.nan)
            super(Parameter, self).__init__(data, name=name, grad=grad)
        self._initial_device = None
        self.update_rule = None
        self.initializer = initializer

    def __copy__(self):
        return self._copy_to(Parameter())

    def __reduce__(self):
        return _recover_parameter, (
            self.array, self.name, (None if self._grad_var is None
                                   else self._grad_var.array),
            self._grad_valid, self.initializer, self.update_rule)

    @property
    def is_initialized(self):
        return self._data[0] is not None

    @property
    def dtype(self):
        array = self._data[0]
        if array is not None:
            return array.dtype
        initializer = self.initializer
        if hasattr(initializer, 'dtype'):
            return numpy.dtype(initializer.dtype)
        raise RuntimeError(
            'Dtype of the parameter is not determined yet because it\'s '
            'uninitialized and dtype was not explicitly given.')

    @property
    def device(self):
        """Device of the data array (the initial device if uninitialized)."""
        if self._data[0] is None:
            return self._get_initial_device()
        return super(Parameter, self).device

    def _get_initial_device(self):
        if self._initial_device is None:
            return backend.CpuDevice()
        return self._initial_device

    def to_cpu(self):
        return self.to_device(backend.CpuDevice())

    def to_gpu(self, device=None):
        self.to_device(cuda._get_device_or_current(device))

    def to_device(self, device):
        device = backend.get_device(device)
        if self._data[0] is None and self._get_initial_device() != device:
            self._data = [None]  # a fresh placeholder, no longer shared
        self._initial_device = device
        super(Parameter, self).to_device(device)

    def cleargrad(self):
        super(Parameter, self).cleargrad()
        if not self.is_initialized:
            self._grad_initializer = None

    def zerograd(self):
        super(Parameter, self).zerograd()
        if not self.is_initialized:
            from chainer_lite import initializers
            dtype = getattr(self.initializer, 'dtype', None)
            self._grad_initializer = initializers.Zero(dtype)

    def initialize(self, shape):
        """Initializes the uninitialized variable.

        Args:
            shape (tuple of int): Shape of the data array.
        """
        from chainer_lite import initializers
        device = self._get_initial_device()
        xp = device.xp
        data = initializers.generate_array(
            self.initializer, shape, xp, device=device)
        if self._grad_initializer is None:
            grad = None
        else:
            grad = initializers.generate_array(
                self._grad_initializer, shape, xp, device=device)
        self.array = data
        self._set_grad_without_check(grad)

    def update(self):
        """Updates the data array using the gradient and the update rule."""
        if self.update_rule is not None:
            self.update_rule.update(self)


def as_variable(obj):
    """Converts an array or a variable into :class:`~chainer.Variable`.

    Args:
        obj (:ref:`ndarray` or ~chainer.Variable): An array or a variable.

    Returns:
        ~chainer.Variable: ``obj`` itself if it is a Variable, else a new
        Variable wrapping it with ``requires_grad=False``.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> chainer.as_variable(np.zeros(2)).requires_grad
        False
    """
    if isinstance(obj, Variable):
        return obj
    return Variable(obj, requires_grad=False)


def as_array(obj):
    """Returns the underlying array of a Variable, or the object itself.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> chainer.as_array(chainer.Variable(np.zeros(2)))
        array([0., 0.])
    """
    if isinstance(obj, Variable):
        return obj.array
    return obj
