"""Optimizer machinery: hyperparameters, per-parameter update rules, hooks,
the optimizer base classes and loss scaling."""
import copy
import warnings

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import optimizer_hooks
from chainer_lite import serializer as serializer_module
from chainer_lite import variable


def _registration_name(hook, name):
    # An explicit name wins; then the hook's ``name``, then ``__name__``.
    if name is not None:
        return name
    for attr in ('name', '__name__'):
        if hasattr(hook, attr):
            name = getattr(hook, attr)
            break
    if name is None:
        raise ValueError('the name of the hook function is not specified')
    return name


class _Hookable(object):
    """Ordered registry of 'pre' and 'post' hooks.

    Args:
        invalid_timing_fallback (bool): With ``timing='auto'``, a hook whose
            ``timing`` attribute is neither ``'pre'`` nor ``'post'`` is
            registered as ``'pre'`` with a warning (else it becomes
            ``'post'``, as in Chainer).
    """

    def __init__(self, invalid_timing_fallback=False):
        # Plain dicts keep insertion order, i.e. registration order.
        self._pre_update_hooks = {}
        self._post_update_hooks = {}
        self._odd_timing_means_pre = invalid_timing_fallback

    def _hooks_of(self, timing):
        if timing == 'pre':
            return self._pre_update_hooks
        if timing == 'post':
            return self._post_update_hooks
        raise ValueError('timing must be either \'pre\' or \'post\'')

    def _resolve_timing(self, hook, timing):
        if timing in ('pre', 'post'):
            return timing
        if timing != 'auto':
            raise ValueError(
                'timing must be one of (\'pre\', \'post\', \'auto\')')
        declared = getattr(hook, 'timing', 'pre')
        if declared in ('pre', 'post'):
            return declared
        if self._odd_timing_means_pre:
            warnings.warn(
                'Hook timing attribute not in (\'pre\', \'post\'), '
                'defaulting timing to \'pre\'.')
            return 'pre'
        return 'post'

    def add_hook(self, hook, name, timing):
        if not callable(hook):
            raise TypeError('hook function must be callable')
        timing = self._resolve_timing(hook, timing)
        name = _registration_name(hook, name)
        taken = (self._pre_update_hooks, self._post_update_hooks)
        if any(name in table for table in taken):
            raise KeyError('hook "{}" already exists'.format(name))
        self._hooks_of(timing)[name] = hook

    def remove_hook(self, name):
        table = self._pre_update_hooks
        if name not in table:
            table = self._post_update_hooks
        del table[name]

    def call_hooks(self, timing, args):
        # Iterate over a snapshot: a hook may (un)register hooks.
        for hook in tuple(self._hooks_of(timing).values()):
            self.call_hook(hook, args)

    def call_hook(self, hook, args):
        hook(*args)


class Hyperparameter(object):
    """Set of hyperparameter entries, with fallback to a parent set.

    Entries are plain attributes. An attribute missing here is looked up in
    the parent, so every update rule shares its optimizer's values unless
    it overrides them.

    Args:
        parent (Hyperparameter): Set consulted for missing entries, or
            ``None``.

    Example:

        >>> from chainer import optimizer
        >>> parent = optimizer.Hyperparameter()
        >>> parent.lr = 0.1
        >>> child = optimizer.Hyperparameter(parent)
        >>> child.momentum = 0.9
        >>> child.lr, child.get_dict()
        (0.1, {'lr': 0.1, 'momentum': 0.9})
    """

    def __init__(self, parent=None):
        self._parent = parent

    def __getattr__(self, name):
        # Reached only for names missing from __dict__. While unpickling or
        # copying, __dict__ is still empty: answer without recursing.
        if '_parent' not in self.__dict__:
            raise AttributeError('_parent is not set up yet')
        parent = self._parent
        if parent is None:
            raise AttributeError(
                '\'Hyperparameter\' object has no attribute \'{}\''.format(
                    name))
        return getattr(parent, name)

    def __repr__(self):
        d = self.get_dict()
        entries = ', '.join('%s=%s' % (k, d[k]) for k in sorted(d))
        return 'Hyperparameter(%s)' % entries

    @property
    def parent(self):
        """The set consulted for entries missing here (or ``None``)."""
        return self._parent

    def get_dict(self):
        """Returns all entries visible from this object as a dictionary.

        Returns:
            dict: Entries of the parents overridden by this object's own.
        """
        parent = self._parent
        entries = parent.get_dict() if parent is not None else {}
        entries.update(
            (k, v) for k, v in self.__dict__.items() if k != '_parent')
        return entries


class UpdateRule(object):
    """Base class of the rules that update one parameter.

    A :class:`GradientMethod` attaches one rule to each parameter
    (``param.update_rule``); the rule keeps that parameter's state (e.g.
    moment estimates) in :attr:`state` and its own step count ``t``.
    Implementations override :meth:`update_core` or
    :meth:`update_core_cpu` and :meth:`update_core_gpu`, and
    :meth:`init_state` when they keep state.

    Args:
        parent_hyperparam (Hyperparameter): Set consulted for every entry
            this rule does not override (usually the optimizer's).

    Attributes:
        enabled (bool): When ``False``, :meth:`update` does nothing.
        hyperparam (Hyperparameter): Hyperparameter of this rule.
        t (int): Number of updates made by this rule.
    """

    is_elementwise = False

    def __init__(self, parent_hyperparam=None):
        self._state = None
        self.enabled = True
        self.hyperparam = Hyperparameter(parent=parent_hyperparam)
        self.t = 0
        self._use_fp32_update = False
        self._fp32_param = None
        self._hookable = _Hookable()

    @property
    def state(self):
        """State dictionary (``None`` until the first update)."""
        return self._state

    def add_hook(self, hook, name=None, timing='auto'):
        """Adds a hook called as ``hook(rule, param)`` around each update.

        Args:
            hook (callable): Hook function.
            name (str): Name of the hook; ``hook.name`` or ``hook.__name__``
                by default.
            timing (str): ``'pre'`` (before the update), ``'post'`` (after)
                or ``'auto'`` (``hook.timing``, default ``'pre'``).
        """
        self._hookable.add_hook(hook, name, timing)

    def remove_hook(self, name):
        """Removes the hook registered under ``name``.

        Args:
            name (str): Name of the hook to remove.
        """
        self._hookable.remove_hook(name)

    def update(self, param):
        """Updates ``param`` with its gradient, running the hooks around.

        Does nothing when :attr:`enabled` is ``False``. The gradient is
        divided by the loss scale recorded on the parameter by the last
        backward pass, if any.

        Args:
            param (~chainer.Variable): Variable to update.
        """
        if not self.enabled:
            return
        self.t += 1
        if isinstance(param.array, numpy.ndarray):
            self._update_param(param)  # no device to make current
        else:
            with backend.using_device(param.device):
                self._update_param(param)

    def _update_param(self, param):
        try:
            param_dtype = param.dtype
        except RuntimeError:
            param_dtype = None  # uninitialized, dtype not given
        is_initialized = param.array is not None

        fp32_param = None
        target = param
        if param_dtype == numpy.float16 and self._use_fp32_update:
            fp32_param = self._master_copy(param, is_initialized)
            target = fp32_param

        if is_initialized:
            self._init_states(target)
            loss_scale = param._loss_scale
            if loss_scale is not None:
                grad = target.grad
                if grad is not None:
                    try:
                        grad /= loss_scale
                    except ValueError:
                        # A read-only gradient, e.g. the broadcast view that
                        # the backward of F.sum leaves on a leaf.
                        target._set_grad_without_check(grad / loss_scale)

        self._hookable.call_hooks('pre', (self, target))
        self.update_core(target)
        self._hookable.call_hooks('post', (self, target))

        if fp32_param is not None:
            if is_initialized:
                param.array[...] = fp32_param.array  # in place, to float16
            fp32_param.grad = None

    def _master_copy(self, param, is_initialized):
        # The float32 twin of a float16 parameter, created on first use; it
        # receives the float32 version of the current gradient.
        master = self._fp32_param
        if master is None:
            if is_initialized:
                master = variable.Parameter(
                    param.array.astype(numpy.float32), name=param.name)
            else:
                master = _uninitialized_parameter(numpy.float32, param.name)
            self._fp32_param = master
        if is_initialized:
            master.grad = param.grad.astype(numpy.float32)
        return master

    def update_core(self, param):
        """Updates the parameter (dispatches on the parameter's device).

        Implementations override this method, or :meth:`update_core_cpu`
        and :meth:`update_core_gpu`.

        Args:
            param (~chainer.Variable): Variable to update.
        """
        array = param.array
        if array is None:
            on_cpu = param.device.xp is numpy
        else:
            on_cpu = isinstance(array, numpy.ndarray)
        if on_cpu:
            self.update_core_cpu(param)
        else:
            self.update_core_gpu(param)

    def update_core_cpu(self, param):
        """Updates a parameter held in NumPy arrays.

        Args:
            param (~chainer.Variable): Variable to update.
        """
        raise NotImplementedError

    def update_core_gpu(self, param):
        """Updates a parameter held in CuPy arrays.

        Args:
            param (~chainer.Variable): Variable to update.
        """
        raise NotImplementedError

    def update_core_chainerx(self, param):
        """ChainerX parameters are not supported by chainer_lite.

        Args:
            param (~chainer.Variable): Variable to update.
        """
        raise NotImplementedError(
            'ChainerX is not supported by chainer_lite; keep parameters on '
            'NumPy (@numpy) or CuPy (@cupy:N) devices.')

    def init_state(self, param):
        """Initializes :attr:`state` (called at the first update).

        Rules that keep state override this method and fill
        ``self.state`` with arrays shaped like ``param``.

        Args:
            param (~chainer.Variable): The parameter (gives shape, dtype and
                device).
        """
        pass

    def serialize(self, serializer):
        """Saves or loads ``t`` and the state arrays (not the parameter).

        When loading into a rule whose state is not created yet, the state
        keys are found by running :meth:`init_state` on a dummy parameter;
        if the snapshot holds no state (a stored ``None``, or a missing key
        for a disabled rule) the state stays ``None`` and is created at the
        next update.

        Args:
            serializer (~chainer.AbstractSerializer): Writer when saving,
                reader when loading.
        """
        self.t = serializer('t', self.t)
        state = self._state
        if state is not None:
            for key, value in list(state.items()):
                state[key] = serializer(key, value)
        elif isinstance(serializer, serializer_module.Deserializer):
            self._deserialize_uninitialized_state(serializer)

    def _deserialize_uninitialized_state(self, deserializer):
        state = self._state = {}
        # init_state of a shallow copy (sharing the state dict) lists the
        # keys without touching this rule's other attributes.
        probe = copy.copy(self)
        dummy = numpy.empty(1, dtype=numpy.float32)
        probe.init_state(variable.Variable(dummy, grad=dummy))
        for key in list(state):
            try:
                value = deserializer(key, None)
            except KeyError:
                if self.enabled:
                    raise
                value = None
            if value is None:
                self._state = None
                return
            state[key] = value

    def _init_states(self, param):
        state = self._state
        if state is None:
            state = self._state = {}
            self.init_state(param)
        # Moves the state arrays to the parameter's device if needed.
        on_cpu = isinstance(param.array, numpy.ndarray)
        device = None
        for name, value in state.items():
            if on_cpu and isinstance(value, numpy.ndarray):
                continue
            if not isinstance(value, chainer_lite.get_array_types()):
                continue
            if device is None:
                device = param.device
            if not device.is_array_supported(value):
                state[name] = device.send(value)

    def use_fp32_update(self, flag=True):
        """Enables (or disables) updating float16 parameters in float32.

        The rule then keeps a float32 copy of the parameter, updates the
        copy with the float32-converted gradient and writes the result back
        in the parameter's dtype.

        Args:
            flag (bool): Whether to use the float32 update.
        """
        self._use_fp32_update = flag


def _uninitialized_parameter(dtype, name):
    # An uninitialized parameter whose dtype is known: the initializer only
    # carries the dtype and is never called.
    def initializer(array):
        raise AssertionError('this parameter is never initialized')
    initializer.dtype = dtype
    return variable.Parameter(initializer, name=name)


class _OptimizerHookable(_Hookable):

    def __init__(self, optimizer):
        super(_OptimizerHookable, self).__init__(invalid_timing_fallback=True)
        self.optimizer = optimizer

    def call_hook(self, hook, args):
        self.optimizer.call_hook(hook)


class Optimizer(object):
    """Base of the classes that update the parameters of a link.

    An optimizer updates the parameters of its *target link*, registered by
    :meth:`setup`. Gradient-based optimizers derive from
    :class:`GradientMethod`, which delegates the update of each parameter to
    an :class:`UpdateRule`.

    Hook functions run before (``'pre'``) or after (``'post'``) each update;
    one with ``call_for_each_param = True`` is called as
    ``hook(param.update_rule, param)`` for every parameter, otherwise as
    ``hook(optimizer)``.

    Attributes:
        target: The target link (set by :meth:`setup`).
        t (int): Number of update steps.
        epoch (int): Current epoch, incremented by :meth:`new_epoch`.
        use_auto_new_epoch (bool): ``True`` when an updater calls
            :meth:`new_epoch` automatically.
    """

    target = None
    t = 0
    epoch = 0
    _loss_scale = None
    _loss_scale_max = 65504  # the largest float16 value
    _loss_scaling_is_dynamic = False
    _loss_scaling_isnan = False
    use_auto_new_epoch = False
    _hookable = None

    def setup(self, link):
        """Sets the target link and resets ``t`` and ``epoch``.

        Args:
            link (~chainer.Link): Target link.

        Returns:
            The optimizer itself, so that ``opt = SGD().setup(model)`` works.
        """
        from chainer_lite import link as link_module
        if not isinstance(link, link_module.Link):
            raise TypeError('optimization target must be a link')
        self.target = link
        self.t = 0
        self.epoch = 0
        self._hookable = _OptimizerHookable(self)
        return self

    def update(self, lossfun=None, *args, **kwds):
        """Updates the parameters of the target link.

        With ``lossfun``, the loss ``lossfun(*args, **kwds)`` is computed
        and backpropagated first; without it, the gradients already stored
        in the parameters are used.

        Args:
            lossfun (callable): Function returning the loss variable.
            args, kwds: Arguments of ``lossfun``.
        """
        raise NotImplementedError

    def new_epoch(self, auto=False):
        """Increments :attr:`epoch`.

        Args:
            auto (bool): ``True`` when called by an updater, which must have
                set :attr:`use_auto_new_epoch`.
        """
        if auto:
            if not self.use_auto_new_epoch:
                raise RuntimeError(
                    'invalid new_epoch call with auto=True.\n'
                    'Fix the updater to set '
                    'optimizer.use_auto_new_epoch = True.')
        elif self.use_auto_new_epoch:
            raise RuntimeError(
                'duplicated new_epoch with the updater.\n'
                'Pass auto_new_epoch=False to the updater or stop calling '
                'new_epoch outside the updater.')
        self.epoch += 1

    def _check_set_up(self):
        if self._hookable is None:
            raise RuntimeError('Optimizer is not set up. Call `setup` method.')

    def add_hook(self, hook, name=None, timing='auto'):
        """Adds a function called around each update.

        Args:
            hook (callable): Hook function, called as ``hook(optimizer)``,
                or as ``hook(rule, param)`` for every parameter when
                ``hook.call_for_each_param`` is true.
            name (str): Registration name; ``hook.name`` or
                ``hook.__name__`` by default.
            timing (str): ``'pre'``, ``'post'`` or ``'auto'`` (read
                ``hook.timing``, default ``'pre'``).
        """
        self._check_set_up()
        self._hookable.add_hook(hook, name, timing)

    def remove_hook(self, name):
        """Unregisters a hook.

        Args:
            name (str): Registered name of the hook.
        """
        self._check_set_up()
        self._hookable.remove_hook(name)

    def call_hooks(self, timing='pre'):
        """Calls the hooks of the given timing in registration order.

        Args:
            timing (str): ``'pre'`` or ``'post'``.
        """
        self._check_set_up()
        self._hookable.call_hooks(timing, ())

    def call_hook(self, hook):
        """Calls one hook, once or once per parameter.

        Args:
            hook (callable): The hook.
        """
        if getattr(hook, 'call_for_each_param', False):
            for param in self.target.params():
                hook(param.update_rule, param)
        else:
            hook(self)

    def serialize(self, serializer):
        """Saves or loads ``t``, ``epoch`` and the update rules' states.

        The parameters of the target link are not included: serialize the
        link separately.

        Args:
            serializer (~chainer.AbstractSerializer): Writer when saving,
                reader when loading.
        """
        self.t = serializer('t', self.t)
        self.epoch = serializer('epoch', self.epoch)
        for name, param in self.target.namedparams():
            rule = getattr(param, 'update_rule', None)
            if rule is not None:
                rule.serialize(serializer[name])

    def loss_scaling(self, interval=1000, scale=None):
        """Configures loss scaling.

        Args:
            interval (int): With dynamic scaling, the scale grows by a factor
                of two every ``interval`` overflow-free iterations (after the
                first overflow; before it, it doubles every iteration).
            scale (float): A fixed (static) loss scale; ``None`` selects
                dynamic scaling starting at 1.
        """
        if scale is None:
            self._loss_scaling_is_dynamic = True
            if interval < 1:
                raise ValueError('interval must be greater than or equal to 1.'
                                 ' Actual: {}'.format(interval))
            self._loss_scale = 1.0
            # Doubling spread evenly over ``interval`` iterations.
            self._loss_scaling_multiplier = 2.0 ** (1.0 / interval)
            self._loss_scaling_isnan_ever = False
        else:
            if scale <= 0:
                raise ValueError('loss_scale must be a positive number. '
                                 'Actual: {}'.format(scale))
            self._loss_scale = scale

    def set_loss_scale(self, loss_scale):
        """Sets a static loss scale.

        Args:
            loss_scale (float): The scale.
        """
        self.loss_scaling(scale=loss_scale)

    def check_nan_in_grads(self):
        """Flags non-finite gradients (only under dynamic loss scaling)."""
        self._loss_scaling_isnan = False
        if not self._loss_scaling_is_dynamic:
            return
        for name, param in self.target.namedparams():
            grad = param.grad
            if grad is None:
                continue
            xp = backend.get_array_module(grad)
            if not xp.isfinite(grad).all():
                self._loss_scaling_isnan = True
                self._loss_scaling_isnan_ever = True
                warnings.warn(
                    'Non finite number found in param.grad of {}'
                    ' (iteration: {}, loss_scale: {})'
                    .format(name, self.t, self._loss_scale))

    def is_safe_to_update(self):
        """Returns ``False`` when the last check found non-finite gradients.
        """
        return not self._loss_scaling_isnan

    def update_loss_scale(self):
        """Adjusts the dynamic loss scale after an update."""
        if not self._loss_scaling_is_dynamic:
            return
        if self._loss_scaling_isnan:
            multiplier = 0.5
        elif self._loss_scaling_isnan_ever:
            multiplier = self._loss_scaling_multiplier
        else:
            multiplier = 2.0
        scaled = self._loss_scale * multiplier
        self._loss_scale = min(max(scaled, 1), self._loss_scale_max)


class GradientMethod(Optimizer):
    """Base class of the optimizers that use the gradient once per update.

    :meth:`setup` gives every parameter of the target an update rule made
    by :meth:`create_update_rule`; the rules' hyperparameters fall back to
    :attr:`hyperparam`, so changing e.g. ``optimizer.lr`` affects every
    parameter.

    Attributes:
        hyperparam (Hyperparameter): Default hyperparameters of the rules.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.array([1.0], np.float32))
        >>> opt = optimizers.SGD(lr=0.5).setup(link)
        >>> link.w.grad = np.array([2.0], np.float32)
        >>> opt.update()
        >>> link.w.array
        array([0.], dtype=float32)
    """

    def __init__(self):
        super(GradientMethod, self).__init__()
        self.hyperparam = Hyperparameter()
        self._use_fp32_update = False

    def setup(self, link):
        """Sets the target link and attaches a new update rule to each of
        its parameters (parameters added later get none).

        Args:
            link (~chainer.Link): Target link.

        Returns:
            The optimizer itself.
        """
        super(GradientMethod, self).setup(link)
        for param in link.params():
            param.update_rule = self.create_update_rule()
            if self._use_fp32_update:
                param.update_rule.use_fp32_update()
        return self

    def reallocate_cleared_grads(self):
        """Gives a zero gradient to each initialized parameter without one.

        Called before and after the hooks, so that hooks and update rules
        can rely on the gradients being arrays.
        """
        for param in self.target.params(False):
            if param.grad is None:
                with backend.using_device(param.device):
                    param._set_grad_without_check(
                        param.xp.zeros_like(param.array))

    def call_hook(self, hook):
        super(GradientMethod, self).call_hook(hook)
        self.reallocate_cleared_grads()

    def update(self, lossfun=None, *args, **kwds):
        """Updates the parameters from a loss function or stored gradients.

        With ``lossfun``: computes the loss, clears the gradients of the
        target, runs backward (with the loss scale, if any). Then: zero
        gradients for cleared ones, the non-finite check of dynamic loss
        scaling, the ``'pre'`` hooks, ``t += 1``, the update of each
        parameter (skipped after an overflow), the ``'post'`` hooks and the
        loss-scale update.

        Args:
            lossfun (callable): Function returning the loss variable.
            args, kwds: Arguments of ``lossfun``.
        """
        if lossfun is not None:
            self._backprop_loss(lossfun(*args, **kwds))

        self.reallocate_cleared_grads()
        self.check_nan_in_grads()
        self.call_hooks('pre')

        self.t += 1
        if self.is_safe_to_update():
            for param in self.target.params():
                param.update()

        self.reallocate_cleared_grads()
        self.call_hooks('post')
        self.update_loss_scale()

    def _backprop_loss(self, loss):
        # Chainer's order: the loss is evaluated first, then the old
        # gradients are dropped.
        if getattr(self, '_use_cleargrads', True):
            self.target.cleargrads()
        else:
            self.target.zerograds()
        loss.backward(loss_scale=self._loss_scale)

    def use_cleargrads(self, use=True):
        """Chooses ``cleargrads`` (default) or ``zerograds`` in :meth:`update`.

        .. deprecated:: v2.0
           :meth:`update` uses ``cleargrads`` already.

        Args:
            use (bool): ``False`` selects ``zerograds``.
        """
        warnings.warn(
            'GradientMethod.use_cleargrads is deprecated.',
            DeprecationWarning)
        self._use_cleargrads = use

    def create_update_rule(self):
        """Creates the update rule of one parameter (implemented by
        subclasses).

        Returns:
            UpdateRule: A new update rule.
        """
        raise NotImplementedError

    def use_fp32_update(self, flag=True):
        """Enables updating float16 parameters through float32 copies.

        Args:
            flag (bool): Whether to enable it.
        """
        self._use_fp32_update = flag
        link = getattr(self, 'target', None)
        if link is not None:
            for param in link.params():
                param.update_rule.use_fp32_update()


class HyperparameterProxy(object):
    """Class attribute that aliases an entry of ``self.hyperparam``.

    Args:
        attr_name (str): Name of the hyperparameter entry.

    Example:

        >>> from chainer import optimizer
        >>> class MyOptimizer(optimizer.GradientMethod):
        ...     lr = optimizer.HyperparameterProxy('lr')
        >>> opt = MyOptimizer()
        >>> opt.lr = 0.1
        >>> opt.hyperparam.lr
        0.1
    """

    def __init__(self, attr_name):
        self._attr_name = attr_name
        self.__doc__ = 'Shortcut for ``self.hyperparam.%s``.' % attr_name

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        return getattr(obj.hyperparam, self._attr_name)

    def __set__(self, obj, value):
        setattr(obj.hyperparam, self._attr_name, value)


def make_deprecation_message(module_name):
    """Returns the warning text of a deprecated ``chainer.optimizer`` hook.

    Args:
        module_name (str): Name of the hook class.

    Returns:
        str: The message.
    """
    return ('chainer.optimizer.{0} is deprecated from v4. '
            'Use chainer.optimizer_hooks.{0} instead.'.format(module_name))


def _deprecated_hook(hook_class):
    # The old location of a hook: same class, constructor warns.
    name = hook_class.__name__

    def __init__(self, *args, **kwargs):
        warnings.warn(make_deprecation_message(name), DeprecationWarning)
        hook_class.__init__(self, *args, **kwargs)

    return type(name, (hook_class,), {
        '__init__': __init__,
        '__module__': __name__,
        '__doc__': 'Deprecated alias of :class:`chainer.optimizer_hooks.{}`.'
                   .format(name),
    })


WeightDecay = _deprecated_hook(optimizer_hooks.WeightDecay)
Lasso = _deprecated_hook(optimizer_hooks.Lasso)
GradientClipping = _deprecated_hook(optimizer_hooks.GradientClipping)
GradientNoise = _deprecated_hook(optimizer_hooks.GradientNoise)
GradientHardClipping = _deprecated_hook(optimizer_hooks.GradientHardClipping)
