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
    # (e.g. ``(shape, dtype)``) does not. As in Chainer, a sequence with a
    # zero in it does not count either.
    if value is None:
        return True
    try:
        if isinstance(value, collections.abc.Sequence):
            return all(int(n) for n in value)
        int(value)
    except TypeError:
        return False
    return True


# The accepted ``mode`` arguments of Link.copy and Link.repeat.
_COPY_MODES = ('init', 'copy', 'share')


def _check_copy_mode(mode):
    if mode not in _COPY_MODES:
        raise ValueError(
            'The \'mode\' argument should be either \'init\','
            '\'copy\', or \'share\'. But {} was given.'.format(mode))


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
        # Names of the attributes that are parameters / persistent values.
        self._params, self._persistent = set(), set()
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
        return device.device.id if isinstance(device, cuda.GpuDevice) else None

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
        # Scopes may nest: restore whatever was there before.
        outer = self.within_init_scope
        self._within_init_scope = True
        try:
            yield
        finally:
            self._within_init_scope = outer

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # A ``__call__`` injected by a mixin class placed after Link takes
        # precedence over ``forward`` (as in Chainer); the MRO is fixed when
        # the class is made, so this is decided once per class.
        cls._link_call_via_mixin = _has_mixin_call(cls)

    _link_call_via_mixin = False

    def __call__(self, *args, **kwargs):
        if not self._link_init_done:
            self._check_init_done()
        hooks = chainer_lite._thread_local.link_hooks
        if not hooks and not self._local_link_hooks:
            if self._link_call_via_mixin:
                return super(Link, self).__call__(*args, **kwargs)
            return self.forward(*args, **kwargs)

        if self._local_link_hooks:
            hooks = collections.OrderedDict(hooks)
            hooks.update(self._local_link_hooks)
        hooks = list(hooks.values())
        pre_args = link_hook._ForwardPreprocessCallbackArgs(
            self, 'forward', args, kwargs)
        for hook in hooks:
            hook.forward_preprocess(pre_args)
        if self._link_call_via_mixin:
            out = super(Link, self).__call__(*args, **kwargs)
        else:
            out = self.forward(*args, **kwargs)
        post_args = link_hook._ForwardPostprocessCallbackArgs(
            self, 'forward', args, kwargs, out)
        for hook in hooks:
            hook.forward_postprocess(post_args)
        return out

    def __setattr__(self, name, value):
        if isinstance(value, variable.Parameter) and self.within_init_scope:
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
        # Without an initializer the parameter is NaN-filled (of ``dtype``).
        init = initializers.NaN(dtype) if initializer is None else initializer
        with self.init_scope():
            setattr(self, name, variable.Parameter(init, shape))

    def add_persistent(self, name, value):
        """Registers a new persistent value (and sets the attribute).

        Args:
            name (str): Name of the value (and of the attribute).
            value: The value (array, scalar or other serializable object).

        Raises:
            AttributeError: The attribute already exists.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new persistent value %s: attribute exists'
                % name)
        self._mark_persistent(name)
        self.__dict__[name] = value

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
        self._mark_persistent(name)

    def _mark_persistent(self, name):
        # A name is a parameter or a persistent value, never both.
        self._params.discard(name)
        self._persistent.add(name)

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
        _check_copy_mode(mode)
        if mode == 'share':
            return self._shallow_copy()
        clone = copy.deepcopy(self)
        if mode == 'init':
            # Fresh values from each parameter's own initializer.
            for param in clone.params(include_uninit=False):
                param.initialize(param.shape)
        return clone

    def _shallow_copy(self):
        # New Parameter objects (without gradients) over the same arrays;
        # everything else is shared.
        clone = copy.copy(self)
        clone._params = set(self._params)
        clone._persistent = set(self._persistent)
        clone.name = None
        members = clone.__dict__
        for name in clone._params:
            param = copy.copy(members[name])
            param.grad = None
            members[name] = param
        return clone

    def device_resident_accept(self, visitor):
        super(Link, self).device_resident_accept(visitor)
        members = self.__dict__
        for _, param in self._own_params(True):
            visitor.visit_variable(param)
        # Persistent arrays move; other persistent values stay as they are.
        array_types = backend.get_array_types()
        for name in self._persistent:
            if isinstance(members[name], array_types):
                members[name] = visitor.visit_array(members[name])

    def params(self, include_uninit=True):
        """Iterates over the parameters of the hierarchy.

        Own parameters come first, in name order, then those of the children.

        Args:
            include_uninit (bool): Whether to include uninitialized ones.

        Returns:
            A generator of :class:`~chainer.Parameter` objects.
        """
        yield from (param for _, param in self._own_params(include_uninit))

    def namedparams(self, include_uninit=True):
        """Iterates over ``(path, parameter)`` pairs of the hierarchy.

        Paths are relative to this link and start with ``/``
        (``'/l1/W'``).

        Args:
            include_uninit (bool): Whether to include uninitialized ones.

        Returns:
            A generator of ``(str, Parameter)`` pairs.
        """
        for name, param in self._own_params(include_uninit):
            yield '/' + name, param

    def _own_params(self, include_uninit):
        # (name, parameter) of this link itself, in name order.
        members = self.__dict__
        for name in sorted(self._params):
            param = members[name]
            if include_uninit or param.array is not None:
                yield name, param

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
        mine, theirs = self.__dict__, link.__dict__
        for name in self._params:
            mine[name].copydata(theirs[name])
        if not copy_persistent:
            return
        array_types = backend.get_array_types()
        for name in self._persistent:
            value = theirs[name]
            if all(isinstance(v, array_types) for v in (mine[name], value)):
                backend.copyto(mine[name], value)  # in place, any device
            else:
                mine[name] = copy.deepcopy(value)

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
        mine, theirs = self.__dict__, link.__dict__
        for name in self._params:
            mine[name].addgrad(theirs[name])

    def enable_update(self):
        """Enables the update rule of every parameter that has one."""
        self._set_update_enabled(True)

    def disable_update(self):
        """Disables the update rule of every parameter that has one."""
        self._set_update_enabled(False)

    def _set_update_enabled(self, flag):
        for param in self.params():
            if param.update_rule is not None:
                param.update_rule.enabled = flag

    @property
    def update_enabled(self):
        """``True`` if some parameter has an enabled update rule."""
        return any(param.update_rule is not None and param.update_rule.enabled
                   for param in self.params())

    def serialize(self, serializer):
        """Saves or loads the parameters and persistent values.

        An uninitialized parameter for which the serializer returns an array
        is initialized with that array's shape and filled with it.

        Args:
            serializer (~chainer.AbstractSerializer): The (de)serializer.
        """
        members = self.__dict__
        for name in self._params:
            param = members[name]
            loaded = serializer(name, param.array)
            if param.array is None and loaded is not None:
                # A lazily created parameter takes the shape of the file.
                param.initialize(loaded.shape)
                with backend.using_device(param.device):
                    param.array[...] = param.device.send(loaded)
        for name in self._persistent:
            members[name] = serializer(name, members[name])

    def repeat(self, n_repeat, mode='init'):
        """Returns a :class:`~chainer.Sequential` of copies of this link.

        Args:
            n_repeat (int): Number of copies (none if not positive).
            mode (str): How each copy is made, as in :meth:`copy`.

        Returns:
            ~chainer.Sequential: The repeated links.
        """
        from chainer_lite import sequential
        if n_repeat <= 0:
            return sequential.Sequential()
        _check_copy_mode(mode)
        return sequential.Sequential(
            *[self.copy(mode) for _ in range(n_repeat)])

    def count_params(self):
        """Returns the number of scalar values in all parameters.

        Uninitialized parameters are not counted (with a warning each).
        """
        total = 0
        for path, param in self.namedparams():
            if param.array is not None:
                total += param.size
                continue
            warnings.warn(
                'Parameter \'{}\' has not been initialized, so the '
                'resulting count will not include the number of parameters'
                ' in it.'.format(path))
        return total

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


class _Container(Link):
    # The tree walk shared by Chain and ChainList. Subclasses list their
    # children as ``(key, link)`` pairs in visiting order; ``key`` is the
    # path component and the serializer group name.

    def _keyed_children(self):
        raise NotImplementedError

    def _same_child_of(self, other, key):
        # The child of ``other`` that corresponds to our child ``key``.
        raise NotImplementedError

    def _set_children(self, keyed):
        raise NotImplementedError

    def _own_copies_of_children(self, mode):
        # Called on a fresh copy of a container, which still shares its
        # children with the original: replace them by copies of themselves.
        keyed = [(key, child.copy(mode))
                 for key, child in self._keyed_children()]
        for key, child in keyed:
            child.name = key
        self._set_children(keyed)

    def device_resident_accept(self, visitor):
        super(_Container, self).device_resident_accept(visitor)
        for _, child in self._keyed_children():
            child.device_resident_accept(visitor)

    def params(self, include_uninit=True):
        yield from super(_Container, self).params(include_uninit)
        for _, child in self._keyed_children():
            yield from child.params(include_uninit)

    def namedparams(self, include_uninit=True):
        yield from super(_Container, self).namedparams(include_uninit)
        for key, child in self._keyed_children():
            for path, param in child.namedparams(include_uninit):
                yield '/' + key + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for _, child in self._keyed_children():
            yield from child.links()

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for key, child in self._keyed_children():
            head = '/' + key
            yield head, child
            for path, link in child.namedlinks(skipself=True):
                yield head + path, link

    def children(self):
        for _, child in self._keyed_children():
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(_Container, self).copyparams(link, copy_persistent)
        for key, child in self._keyed_children():
            child.copyparams(self._same_child_of(link, key), copy_persistent)

    def addgrads(self, link):
        super(_Container, self).addgrads(link)
        for key, child in self._keyed_children():
            child.addgrads(self._same_child_of(link, key))

    def serialize(self, serializer):
        super(_Container, self).serialize(serializer)
        for key, child in self._keyed_children():
            child.serialize(serializer[key])


class Chain(_Container):
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
        if isinstance(value, Link) and self.within_init_scope:
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
        ret._own_copies_of_children(mode)
        return ret

    def _keyed_children(self):
        # Name order makes every walk (and the npz key order) deterministic.
        members = self.__dict__
        return [(name, members[name]) for name in sorted(self._children)]

    def _same_child_of(self, other, key):
        return other.__dict__[key]

    def _set_children(self, keyed):
        self._children = set(key for key, _ in keyed)
        self.__dict__.update(keyed)


class ChainList(_Container, collections.abc.MutableSequence):
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
        if isinstance(value, Link) and self.within_init_scope:
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
        """Number of child links."""
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
        ret._own_copies_of_children(mode)
        return ret

    def _keyed_children(self):
        return [(str(i), child) for i, child in enumerate(self._children)]

    def _same_child_of(self, other, key):
        return other[int(key)]

    def _set_children(self, keyed):
        self._children = [child for _, child in keyed]
