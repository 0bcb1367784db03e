"""Sequential: a list of callables (links or functions) applied in order."""
import copy
import inspect

from chainer_lite import link as _link


class Sequential(_link.ChainList):
    """A model whose forward pass calls its layers one after another.

    Layers are any callables: links (which become children, so their
    parameters belong to the model) and plain functions such as
    :func:`~chainer.functions.relu`. The output of a layer is the input of
    the next (a tuple output is passed as several arguments). The object
    behaves like a list of its layers: indexing, slicing, ``append``,
    ``insert``, ``extend``, ``pop``, ``remove``, ``+`` and ``+=``.

    .. note::
       As in Chainer 7.8.1, a link inserted after position 0 is placed among
       the children right after the *first* link that precedes it, so the
       children (which name the parameters, ``'/1/W'``, and the keys of
       saved files) need not follow the layer order: in
       ``Sequential(a, b, c)`` of three links, ``c`` is child ``'1'``
       (chainer/chainer#6053). Keeping this order keeps checkpoints
       interchangeable with Chainer.

    Args:
        layers: The callables, in the order they are applied.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> import chainer.links as L
        >>> model = chainer.Sequential(L.Linear(4, 3), F.relu, L.Linear(3, 2))
        >>> model(np.ones((1, 4), np.float32)).shape
        (1, 2)
        >>> len(model)
        3
    """

    def __init__(self, *layers):
        super(Sequential, self).__init__()
        self._layers = []
        self.extend(layers)

    def __len__(self):
        return len(self._layers)

    def __getitem__(self, i):
        return self._layers[i]

    def __setitem__(self, i, layer):
        if i >= len(self):
            raise ValueError(
                '{} should be less than {}'.format(i, len(self)))
        if not callable(layer):
            raise ValueError(
                'All elements of a Sequential class should be callable. But '
                'given {} is not callable.'.format(layer))
        if layer is not self._layers[i]:
            del self[i]
            self.insert(i, layer)

    def __delitem__(self, i):
        removed = self._layers.pop(i)
        if not isinstance(removed, _link.Link):
            return
        # Children are named after their position: drop the one with the
        # removed link's name and renumber.
        for pos, child in enumerate(self._children):
            if child.name == removed.name:
                del self._children[pos]
                break
        self._rename_children()

    def __iter__(self):
        return iter(self._layers)

    def __reversed__(self):
        return reversed(self._layers)

    def __contains__(self, item):
        return item in self._layers

    def __add__(self, other):
        _check_addable(other)
        return Sequential(*(list(self) + list(other)))

    def __iadd__(self, other):
        _check_addable(other)
        self.extend(other)
        return self

    def forward(self, *x):
        """Applies the layers in order.

        Args:
            x: Inputs of the first layer.

        Returns:
            The output of the last layer.

        Raises:
            RuntimeError: The model has no layer.
        """
        if not self._layers:
            raise RuntimeError('Sequential does not have any layer.')
        # ``x`` starts as the tuple of inputs; a tuple returned by a layer is
        # spread over the arguments of the next one as well.
        for layer in self._layers:
            x = layer(*x) if isinstance(x, tuple) else layer(x)
        return x

    def __reduce__(self):
        if any(_is_lambda(layer) for layer in self._layers):
            raise ValueError(
                'This Sequential object has at least one lambda function '
                'as its component. Lambda function can not be pickled, so '
                'please consider to use functools.partial instead of the '
                'lambda function or use "dill", which is an external '
                'package that enables pickling an object including lambda '
                'functions intead of built-in pickle.')
        return super(Sequential, self).__reduce__()

    def __str__(self):
        # A lambda prints as its source line, anything else as str(layer).
        shown = (
            (index, inspect.getsource(layer).strip().rstrip(',')
             if _is_lambda(layer) else str(layer))
            for index, layer in enumerate(self))
        return '{}({})'.format(
            type(self).__name__, _link._indented_children(shown))

    def append(self, layer):
        """Appends a layer.

        Args:
            layer (callable): The layer.
        """
        self.insert(len(self), layer)

    def extend(self, sequential):
        """Appends every layer of an iterable of layers.

        Args:
            sequential: Iterable of callables (e.g. a :class:`Sequential`).
        """
        for layer in sequential:
            self.insert(len(self), layer)

    def insert(self, i, layer):
        """Inserts a layer before position ``i``.

        Args:
            i (int): Position, from ``-len(self)`` to ``len(self)``.
            layer (callable): The layer.

        Raises:
            IndexError: ``i`` is out of range.
            ValueError: ``layer`` is not callable.
        """
        n = len(self._layers)
        if not -n <= i <= n:
            raise IndexError('Index out of range: {}'.format(i))
        i = i + n if i < 0 else i
        if not callable(layer):
            raise ValueError(
                'All elements of the argument should be callable. But '
                'given {} is not callable.'.format(layer))
        self._layers.insert(i, layer)
        if isinstance(layer, _link.Link):
            self._children.insert(self._child_slot(i), layer)
            self._rename_children()

    def _child_slot(self, i):
        # Where Chainer 7.8.1 puts a link inserted as layer ``i`` among the
        # children (see the class note): first for i == 0, else one past
        # the *layer index* of the first link before it (0 if there is
        # none).
        if i == 0:
            return 0
        links_before = (j for j in range(i)
                        if isinstance(self._layers[j], _link.Link))
        return next(links_before, 0) + 1

    def remove(self, layer):
        """Removes the first occurrence of a layer.

        Args:
            layer (callable): The layer.

        Raises:
            ValueError: ``layer`` is not in the model.
        """
        if layer not in self:
            raise ValueError(
                'There is no layer object that is same as {}'.format(layer))
        del self[self.index(layer)]

    def remove_by_layer_type(self, type_name):
        """Removes the layers of a given type.

        Args:
            type_name (str): Class name of the links (``'Linear'``) or
                ``__name__`` of the functions (``'relu'``) to remove.
        """
        doomed = [layer for layer in self
                  if _layer_type_name(layer) == type_name]
        for layer in doomed:
            self.remove(layer)

    def pop(self, i=-1):
        """Removes and returns the layer at position ``i`` (the last one)."""
        layer = self[i]
        del self[i]
        return layer

    def clear(self):
        """Removes all layers."""
        self._layers = []
        del self._children[:]

    def index(self, layer, start=None, end=None):
        """Returns the position of ``layer`` in ``self[start:end]``."""
        return self._layers[start:end].index(layer)

    def count(self, layer):
        """Returns how many times ``layer`` occurs."""
        return self._layers.count(layer)

    def count_by_layer_type(self, type_name):
        """Returns the number of layers of a given type.

        Args:
            type_name (str): Class name of links (``'Linear'``) or
                ``__name__`` of functions (``'relu'``).
        """
        return [_layer_type_name(layer) for layer in self._layers].count(
            type_name)

    def copy(self, mode='share'):
        """Returns a copy; links are copied with ``mode``, others shallowly.

        Args:
            mode (str): ``'share'``, ``'copy'`` or ``'init'`` (see
                :meth:`Link.copy <chainer.Link.copy>`).
        """
        return Sequential(*[
            layer.copy(mode) if isinstance(layer, _link.Link)
            else copy.copy(layer)
            for layer in self])

    def copyparams(self, link, copy_persistent=True):
        """Copies the parameters of the links of another Sequential.

        Args:
            link (Sequential): Source, with the same layers.
            copy_persistent (bool): Whether to copy persistent values.
        """
        if not isinstance(link, Sequential):
            raise ValueError('Objects other than Sequential object cannot be '
                             'copied to a Sequential object.')
        for k, layer in enumerate(self._layers):
            if isinstance(layer, _link.Link):
                layer.copyparams(link[k], copy_persistent)

    def flatten(self):
        """Returns a Sequential with nested Sequentials expanded in place.

        Returns:
            Sequential: The flattened model (sharing the layer objects).
        """
        flat = Sequential()
        for layer in self:
            flat.extend(layer.flatten() if isinstance(layer, Sequential)
                        else (layer,))
        return flat


def _is_lambda(layer):
    return getattr(layer, '__name__', None) == '<lambda>'


def _check_addable(other):
    if not isinstance(other, Sequential):
        raise ValueError('add (+) operator supports only objects of '
                         'Sequential class, but {} is given.'.format(
                             str(type(other))))


def _layer_type_name(layer):
    # Links are told apart by class, functions by their name.
    if isinstance(layer, _link.Link):
        return type(layer).__name__
    return layer.__name__
