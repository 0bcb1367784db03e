"""Link, Chain and ChainList: the building blocks that own parameters.

A link registers :class:`~chainer.Parameter` objects (and persistent values);
a chain registers child links by name, a chain list by position. Together they
form a tree that is walked for parameters, serialization, copying and device
transfers.
"""
import collections
import collections.abc
import contextlib
import copy
import warnings

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import device_resident
from chainer_lite import initializers
from chainer_lite import link_hook
from chainer_lite import variable


def _is_shape(value):
    # None, an int or a sequence of ints counts as a shape; anything else
    # (e.g. ``(shape, dtype)``) does not.
    if value is None:
        return True
    if isinstance(value, collections.abc.Sequence):
        try:
            return all(int(x) for x in value)
        except TypeError:
            return False
    try:
        int(value)
        return True
    except TypeError:
        return False


def _ensure_shape_dtype(value):
    # ``Link(name=spec)``: spec is a shape (float32 parameter) or a
    # ``(shape, dtype)`` pair.
    if _is_shape(value):
        return value, numpy.float32
    return value


def _has_mixin_call(cls):
    # Whether a class after Link in the MRO of ``cls`` defines __call__.
    mro = cls.__mro__
    return any('__call__' in klass.__dict__
               for klass in mro[mro.index(Link) + 1:])


class Link(device_resident.DeviceResident):
    """Building block of models: an object owning parameters.

    A :class:`~chainer.Parameter` assigned to an attribute inside
    :meth:`init_scope` becomes a parameter of the link; arrays, scalars or
    other values registered with :meth:`add_persistent` or
    :meth:`register_persistent` are *persistent values*. Only these two kinds
    of attributes are serialized, copied between links and moved between
    devices; any other attribute is part of the program, not of the model
    state.

    Calling a link runs its ``forward`` method, surrounded by the link hooks
    registered on it and in the current thread.

    Args:
        params: Parameters to create, as ``name=shape`` (a float32 parameter;
            a ``None`` shape leaves it uninitialized) or
            ``name=(shape, dtype)``.

    Attributes:
        name (str): Name of the link in its parent chain, or ``None``.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> from chainer import initializers
        >>> class Scale(chainer.Link):
        ...     def __init__(self, size):
        ...         super(Scale, self).__init__()
        ...         with self.init_scope():
        ...             self.s = chainer.Parameter(initializers.One(), (size,))
        ...     def forward(self, x):
        ...         return x * F.broadcast_to(self.s, x.shape)
        >>> link = Scale(3)
        >>> [name for name, _ in link.namedparams()]
        ['/s']
        >>> link(np.ones((2, 3), np.float32)).shape
        (2, 3)
    """

    _local_link_hooks = None
    # Stays False on the class when a subclass forgets Link.__init__().
    _link_init_done = False

    def __init__(self, **params):
        super(Link, self).__init__()
        self._params = set()
        self._persistent = set()
        self._within_init_scope = False
        self.name = None
        self._link_init_done = True

        for name, value in params.items():
            shape, dtype = _ensure_shape_dtype(value)
            self.add_param(name, shape, dtype=dtype)

    def _check_init_done(self):
        if not self._link_init_done:
            raise RuntimeError('Link.__init__() has not been called.')

    def __str__(self):
        specs = ', '.join(
            '{}={}'.format(k, v) for k, v in self.printable_specs)
        return '{}({})'.format(self.__class__.__name__, specs)

    @property
    def local_link_hooks(self):
        """Ordered dictionary of the link hooks registered on this link."""
        if self._local_link_hooks is None:
            self._local_link_hooks = collections.OrderedDict()
        return self._local_link_hooks

    @property
    def _device_id(self):
        warnings.warn(
            'Link._device_id is left only for backward compatibility and '
            'likely to be removed. Use Link.device instead.',
            DeprecationWarning)
        device = self.device
        if isinstance(device, cuda.GpuDevice):
            return device.device.id
        return None

    @property
    def printable_specs(self):
        """Generator of ``(name, value)`` pairs shown by ``str(link)``.

        Subclasses yield their constructor arguments; the base yields none.
        """
        return iter(())

    @property
    def within_init_scope(self):
        """``True`` while the code runs inside :meth:`init_scope`."""
        return getattr(self, '_within_init_scope', False)

    @contextlib.contextmanager
    def init_scope(self):
        """Returns a context in which assignments register parameters.

        Inside ``with link.init_scope():``, assigning a
        :class:`~chainer.Parameter` to an attribute registers it (a
        :class:`Chain` also registers assigned links as children).

        Raises:
            RuntimeError: ``Link.__init__`` has not been called.
        """
        self._check_init_done()
        old_flag = self.within_init_scope
        self._within_init_scope = True
        try:
            yield
        finally:
            self._within_init_scope = old_flag

    def __call__(self, *args, **kwargs):
        self._check_init_done()

        hooks = chainer_lite._get_link_hooks()
        if self._local_link_hooks:
            hooks = collections.OrderedDict(hooks)
            hooks.update(self._local_link_hooks)
        hooks = hooks.values()

        if hooks:
            pre_args = link_hook._ForwardPreprocessCallbackArgs(
                self, 'forward', args, kwargs)
            for hook in hooks:
                hook.forward_preprocess(pre_args)

        # A ``__call__`` injected by a mixin class placed after Link takes
        # precedence over ``forward`` (as in Chainer). Whether there is one
        # is a property of the class, looked up once per class.
        cls = type(self)
        via_mixin = cls.__dict__.get('_link_call_via_mixin')
        if via_mixin is None:
            via_mixin = _has_mixin_call(cls)
            type.__setattr__(cls, '_link_call_via_mixin', via_mixin)
        if via_mixin:
            out = super(Link, self).__call__(*args, **kwargs)
        else:
            out = self.forward(*args, **kwargs)

        if hooks:
            post_args = link_hook._ForwardPostprocessCallbackArgs(
                self, 'forward', args, kwargs, out)
            for hook in hooks:
                hook.forward_postprocess(post_args)
        return out

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, variable.Parameter):
            value.name = name
            self._params.add(name)
            self._persistent.discard(name)
        super(Link, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._params.discard(name)
        self._persistent.discard(name)
        super(Link, self).__delattr__(name)

    def add_param(self, name, shape=None, dtype=numpy.float32,
                  initializer=None):
        """Registers a new parameter.

        Args:
            name (str): Name of the parameter (and of the attribute).
            shape (int or tuple of int): Shape; ``None`` leaves the parameter
                uninitialized.
            dtype: Dtype, used when ``initializer`` is ``None`` (the
                parameter is then NaN-filled).
            initializer (:ref:`initializer <initializer>`): Initializer,
                array or scalar that gives the initial value.

        Raises:
            AttributeError: The attribute already exists.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new parameter %s: attribute exists'
                % name)
        if initializer is None:
            initializer = initializers.NaN(dtype)
        param = variable.Parameter(initializer, shape)
        with self.init_scope():
            setattr(self, name, param)

    def add_persistent(self, name, value):
        """Registers a new persistent value (and sets the attribute).

        Args:
            name (str): Name of the value (and of the attribute).
            value: The value (array, scalar or other serializable object).

        Raises:
            AttributeError: The attribute already exists.
        """
        d = self.__dict__
        if name in d:
            raise AttributeError(
                'cannot register a new persistent value %s: attribute exists'
                % name)
        self._persistent.add(name)
        self._params.discard(name)
        d[name] = value

    def register_persistent(self, name):
        """Registers an existing attribute as a persistent value.

        A parameter of that name stops being a parameter.

        Args:
            name (str): Name of the attribute.

        Raises:
            AttributeError: There is no such attribute.
        """
        if not hasattr(self, name):
            raise AttributeError(
                'cannot register non-existent attribute %s as a persistent '
                'value' % name)
        self._persistent.add(name)
        self._params.discard(name)

    @classmethod
    def from_params(cls, *args, **kwargs):
        """Builds a link from given parameter arrays (where supported)."""
        raise NotImplementedError(
            'This link does not implement `from_params`.')

    def copy(self, mode='share'):
        """Copies the link hierarchy rooted here.

        The copy has no name (it belongs to no parent).

        Args:
            mode (str): ``'share'``: new Parameter objects sharing the data
                arrays (gradients are not shared); ``'copy'``: a deep copy;
                ``'init'``: a deep copy whose initialized parameters are
                re-initialized by their initializers.

        Returns:
            Link: The copy.
        """
        if mode == 'share':
            ret = copy.copy(self)
            ret._params = set(self._params)
            ret._persistent = set(self._persistent)
            ret.name = None
            d = ret.__dict__
            for name in ret._params:
                d[name] = copy.copy(d[name])
                d[name].grad = None
            return ret
        elif mode == 'copy':
            return copy.deepcopy(self)
        elif mode == 'init':
            ret = copy.deepcopy(self)
            for param in ret.params(include_uninit=False):
                param.initialize(param.shape)
            return ret
        raise ValueError(
            'The \'mode\' argument should be either \'init\','
            '\'copy\', or \'share\'. But {} was given.'.format(mode))

    def device_resident_accept(self, visitor):
        super(Link, self).device_resident_accept(visitor)
        d = self.__dict__
        for name in self._params:
            visitor.visit_variable(d[name])
        array_types = backend.get_array_types()
        for name in self._persistent:
            value = d[name]
            if isinstance(value, array_types):
                d[name] = visitor.visit_array(value)

    def params(self, include_uninit=True):
        """Iterates over the parameters of the hierarchy.

        Own parameters come first, in name order, then those of the children.

        Args:
            include_uninit (bool): Whether to include uninitialized ones.

        Returns:
            A generator of :class:`~chainer.Parameter` objects.
        """
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].data is not None:
                yield d[name]

    def namedparams(self, include_uninit=True):
        """Iterates over ``(path, parameter)`` pairs of the hierarchy.

        Paths are relative to this link and start with ``/``
        (``'/l1/W'``).

        Args:
            include_uninit (bool): Whether to include uninitialized ones.

        Returns:
            A generator of ``(str, Parameter)`` pairs.
        """
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].is_initialized:
                yield '/' + name, d[name]

    def links(self, skipself=False):
        """Iterates over the links of the hierarchy (this one first).

        Args:
            skipself (bool): Whether to leave this link out.

        Returns:
            A generator of links.
        """
        if not skipself:
            yield self

    def namedlinks(self, skipself=False):
        """Iterates over ``(path, link)`` pairs; this link's path is ``'/'``.

        Args:
            skipself (bool): Whether to leave this link out.

        Returns:
            A generator of ``(str, Link)`` pairs.
        """
        if not skipself:
            yield '/', self

    def children(self):
        """Iterates over the direct child links (none for a plain link)."""
        return iter(())

    def copyparams(self, link, copy_persistent=True):
        """Copies the parameter data (not gradients) from another link.

        Works across devices. Persistent values are copied too unless
        ``copy_persistent`` is False: arrays element-wise, other values with
        :func:`copy.deepcopy`.

        Args:
            link (Link): Source link, of the same structure.
            copy_persistent (bool): Whether to copy persistent values.
        """
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].copydata(src[name])
        if copy_persistent:
            array_types = backend.get_array_types()
            for name in self._persistent:
                d = dst[name]
                s = src[name]
                if isinstance(d, array_types) and isinstance(s, array_types):
                    backend.copyto(d, s)
                else:
                    dst[name] = copy.deepcopy(s)

    def cleargrads(self):
        """Clears the gradients of all parameters (sets them to ``None``)."""
        for param in self.params():
            param.cleargrad()

    def zerograds(self):
        """Fills the gradients of all parameters with zeros.

        .. deprecated:: v1.15
           Use :meth:`cleargrads`.
        """
        warnings.warn(
            'Link.zerograds is deprecated. Use Link.cleargrads instead.',
            DeprecationWarning)
        for param in self.params():
            param.zerograd()

    def addgrads(self, link):
        """Adds the gradients of another link to those of this link.

        Args:
            link (Link): Source link, of the same structure.
        """
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].addgrad(src[name])

    def enable_update(self):
        """Enables the update rule of every parameter that has one."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = True

    def disable_update(self):
        """Disables the update rule of every parameter that has one."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None:
                rule.enabled = False

    @property
    def update_enabled(self):
        """``True`` if some parameter has an enabled update rule."""
        for param in self.params():
            rule = param.update_rule
            if rule is not None and rule.enabled:
                return True
        return False

    def serialize(self, serializer):
        """Saves or loads the parameters and persistent values.

        An uninitialized parameter for which the serializer returns an array
        is initialized with that array's shape and filled with it.

        Args:
            serializer (~chainer.AbstractSerializer): The (de)serializer.
        """
        d = self.__dict__
        for name in self._params:
            param = d[name]
            data = serializer(name, param.data)
            if param.data is None and data is not None:
                param.initialize(data.shape)
                with backend.using_device(param.device):
                    param.data[...] = param.device.send(data)
        for name in self._persistent:
            d[name] = serializer(name, d[name])

    def repeat(self, n_repeat, mode='init'):
        """Returns a :class:`~chainer.Sequential` of copies of this link.

        Args:
            n_repeat (int): Number of copies (none if not positive).
            mode (str): How each copy is made, as in :meth:`copy`.

        Returns:
            ~chainer.Sequential: The repeated links.
        """
        from chainer_lite import sequential
        ret = sequential.Sequential()
        if n_repeat <= 0:
            return ret
        if mode not in ['init', 'copy', 'share']:
            raise ValueError(
                'The \'mode\' argument should be either \'init\','
                '\'copy\', or \'share\'. But {} was given.'.format(mode))
        for _ in range(n_repeat):
            ret.append(self.copy(mode))
        return ret

    def count_params(self):
        """Returns the number of scalar values in all parameters.

        Uninitialized parameters are not counted (with a warning each).
        """
        size = 0
        for name, param in self.namedparams():
            if param.array is None:
                warnings.warn(
                    'Parameter \'{}\' has not been initialized, so the '
                    'resulting count will not include the number of parameters'
                    ' in it.'.format(name))
                continue
            size += param.size
        return size

    def add_hook(self, hook, name=None):
        """Registers a link hook on this link.

        Args:
            hook (~chainer.LinkHook): The hook.
            name (str): Name to register it under; ``hook.name`` by default.

        Returns:
            self
        """
        if not isinstance(hook, link_hook.LinkHook):
            raise TypeError('Hook must be of type LinkHook')
        if name is None:
            name = hook.name
        hooks = self.local_link_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        hook.added(self)
        return self

    def delete_hook(self, name):
        """Unregisters the link hook of the given name.

        Args:
            name (str): Name of the hook.
        """
        if name in self.local_link_hooks:
            self.local_link_hooks[name].deleted(self)
            del self.local_link_hooks[name]
        else:
            raise KeyError('Hook %s does not exist' % name)


def _indented_children(pairs):
    # '(key): str(child),' lines, indented by two spaces, for Chain and
    # ChainList __str__.
    lines = []
    for key, child in pairs:
        rep = '({}): {},'.format(key, child)
        for line in rep.splitlines():
            lines.append('  {}\n'.format(line))
    text = ''.join(lines)
    return '\n' + text if text else text


class Chain(Link):
    """A link composed of named child links.

    Links assigned to attributes inside :meth:`~Link.init_scope` (or added
    with :meth:`add_link`) become children: their parameters belong to the
    chain, with paths prefixed by the child's name (``'/l1/W'``), and they
    are serialized, copied and moved together with it. Children are visited
    in name order.

    Args:
        links: Child links to register, as ``name=link``.

    Example:

        >>> import chainer
        >>> import chainer.links as L
        >>> class MLP(chainer.Chain):
        ...     def __init__(self):
        ...         super(MLP, self).__init__()
        ...         with self.init_scope():
        ...             self.l1 = L.Linear(4, 3)
        ...             self.l2 = L.Linear(3, 2)
        ...     def forward(self, x):
        ...         return self.l2(self.l1(x))
        >>> [name for name, _ in MLP().namedparams()]
        ['/l1/W', '/l1/b', '/l2/W', '/l2/b']
    """

    def __init__(self, **links):
        super(Chain, self).__init__()
        self._children = set()
        for name, link in links.items():
            self.add_link(name, link)

    def __str__(self):
        return '{}({})'.format(
            self.__class__.__name__,
            _indented_children(
                (child.name, child) for child in self.children()))

    def __getitem__(self, name):
        """Returns the attribute of the given name (``getattr``)."""
        return getattr(self, name)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            if hasattr(self, name):
                raise AttributeError(
                    'cannot register a new link %s: attribute exists' % name)
            value.name = name
            self._children.add(name)
        super(Chain, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._children.discard(name)
        super(Chain, self).__delattr__(name)

    def add_link(self, name, link):
        """Registers a child link.

        Args:
            name (str): Name of the child (and of the attribute).
            link (Link): The child link.

        Raises:
            AttributeError: The attribute already exists.
            TypeError: ``link`` is not a link.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new link %s: attribute exists' % name)
        if not isinstance(link, Link):
            raise TypeError('cannot register a non-link object as a child')
        with self.init_scope():
            setattr(self, name, link)

    def copy(self, mode='share'):
        ret = super(Chain, self).copy(mode)
        ret._children = set(ret._children)
        d = ret.__dict__
        for name in ret._children:
            copied = d[name].copy(mode)
            copied.name = name
            d[name] = copied
        return ret

    def device_resident_accept(self, visitor):
        super(Chain, self).device_resident_accept(visitor)
        d = self.__dict__
        for name in self._children:
            d[name].device_resident_accept(visitor)

    def params(self, include_uninit=True):
        for param in super(Chain, self).params(include_uninit):
            yield param
        d = self.__dict__
        for name in sorted(self._children):
            for param in d[name].params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(Chain, self).namedparams(include_uninit):
            yield ret
        d = self.__dict__
        for name in sorted(self._children):
            prefix = '/' + name
            for path, param in d[name].namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        d = self.__dict__
        for name in sorted(self._children):
            for link in d[name].links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        d = self.__dict__
        for name in sorted(self._children):
            child = d[name]
            prefix = '/' + name
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        d = self.__dict__
        for name in sorted(self._children):
            yield d[name]

    def copyparams(self, link, copy_persistent=True):
        super(Chain, self).copyparams(link, copy_persistent)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].copyparams(src[name], copy_persistent)

    def addgrads(self, link):
        super(Chain, self).addgrads(link)
        src = link.__dict__
        dst = self.__dict__
        for name in self._children:
            dst[name].addgrads(src[name])

    def serialize(self, serializer):
        super(Chain, self).serialize(serializer)
        d = self.__dict__
        for name in self._children:
            d[name].serialize(serializer[name])


class ChainList(Link, collections.abc.MutableSequence):
    """A link composed of a list of child links.

    Children are indexed by position and named ``'0'``, ``'1'``, ...;
    parameter paths are ``'/0/W'`` and so on. The list API of
    :class:`collections.abc.MutableSequence` (``append``, ``extend``,
    ``pop``, slicing, ...) edits the children; registering a link by
    assignment inside :meth:`~Link.init_scope` is not allowed.

    Args:
        links: Initial child links.

    Example:

        >>> import chainer
        >>> import chainer.links as L
        >>> layers = chainer.ChainList(L.Linear(4, 3), L.Linear(3, 2))
        >>> [name for name, _ in layers.namedparams()]
        ['/0/W', '/0/b', '/1/W', '/1/b']
    """

    def __init__(self, *links):
        super(ChainList, self).__init__()
        self._children = []
        for link in links:
            self.add_link(link)

    def __str__(self):
        return '{}({})'.format(
            self.__class__.__name__,
            _indented_children(enumerate(self._children)))

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, Link):
            raise TypeError(
                'cannot register a new link'
                ' within a "with chainlist.init_scope():" block.')
        super(ChainList, self).__setattr__(name, value)

    def __setitem__(self, index, value):
        if isinstance(index, int):
            value.name = str(index)
            self._children[index] = value
        elif isinstance(index, slice):
            self._children[index] = value
            self._rename_children()
        else:
            raise TypeError(
                'ChainList indices must be integers or slices, not %s' %
                type(index).__name__)

    def __getitem__(self, index):
        """Returns the child (or list of children) at the given index."""
        return self._children[index]

    def __delitem__(self, index):
        del self._children[index]
        self._rename_children()

    def _rename_children(self):
        for i, child in enumerate(self._children):
            child.name = str(i)

    def insert(self, index, link):
        """Inserts a child link before the given position.

        Args:
            index (int): Position of the new child.
            link (Link): The link to insert.
        """
        if index == len(self._children):
            self._children.append(link)
            link.name = str(index)
        else:
            self._children.insert(index, link)
            self._rename_children()

    def __iter__(self):
        return iter(self._children)

    def __len__(self):
        """Returns the number of children."""
        return len(self._children)

    def add_link(self, link):
        """Appends a child link.

        Args:
            link (Link): The link to append.
        """
        self.append(link)

    def copy(self, mode='share'):
        # The list itself is copied in 'share' mode whatever ``mode`` says;
        # ``mode`` applies to the children (Chainer does the same).
        ret = super(ChainList, self).copy()
        ret._children = list(ret._children)
        children = ret._children
        for i, child in enumerate(children):
            child = child.copy(mode)
            child.name = str(i)
            children[i] = child
        return ret

    def device_resident_accept(self, visitor):
        super(ChainList, self).device_resident_accept(visitor)
        for link in self._children:
            link.device_resident_accept(visitor)

    def params(self, include_uninit=True):
        for param in super(ChainList, self).params(include_uninit):
            yield param
        for link in self._children:
            for param in link.params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for ret in super(ChainList, self).namedparams(include_uninit):
            yield ret
        for idx, link in enumerate(self._children):
            prefix = '/%d' % idx
            for path, param in link.namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for child in self._children:
            for link in child.links():
                yield link

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for idx, child in enumerate(self._children):
            prefix = '/%d' % idx
            yield prefix, child
            for path, link in child.namedlinks(True):
                yield prefix + path, link

    def children(self):
        for child in self._children:
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(ChainList, self).copyparams(link, copy_persistent)
        for idx, child in enumerate(self._children):
            child.copyparams(link[idx], copy_persistent)

    def addgrads(self, link):
        super(ChainList, self).addgrads(link)
        for idx, child in enumerate(self._children):
            child.addgrads(link[idx])

    def serialize(self, serializer):
        super(ChainList, self).serialize(serializer)
        for idx, child in enumerate(self._children):
            child.serialize(serializer['%d' % idx])
