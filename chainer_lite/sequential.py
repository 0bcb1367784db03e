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
        for layer in layers:
            self.append(layer)

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
        if self._layers[i] is not layer:
            del self[i]
            self.insert(i, layer)

    def __delitem__(self, i):
        layer = self._layers.pop(i)
        if isinstance(layer, _link.Link):
            # Children are named by their position among the children.
            children = self._children
            for pos, child in enumerate(children):
                if child.name == layer.name:
                    del children[pos]
                    break
            for j, child in enumerate(children[pos:]):
                child.name = str(pos + j)

    def __iter__(self):
        return iter(self._layers)

    def __reversed__(self):
        return reversed(self._layers)

    def __contains__(self, item):
        return item in self._layers

    def __add__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError('add (+) operator supports only objects of '
                             'Sequential class, but {} is given.'.format(
                                 str(type(other))))
        ret = Sequential()
        for layer in self:
            ret.append(layer)
        for layer in other:
            ret.append(layer)
        return ret

    def __iadd__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError('add (+) operator supports only objects of '
                             'Sequential class, but {} is given.'.format(
                                 str(type(other))))
        for layer in other:
            self.append(layer)
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
        for layer in self._layers:
            if isinstance(x, tuple):
                x = layer(*x)
            else:
                x = layer(x)
        return x

    def __reduce__(self):
        for layer in self._layers:
            if getattr(layer, '__name__', None) == '<lambda>':
                raise ValueError(
                    'This Sequential object has at least one lambda function '
                    'as its component. Lambda function can not be pickled, so '
                    'please consider to use functools.partial instead of the '
                    'lambda function or use "dill", which is an external '
                    'package that enables pickling an object including lambda '
                    'functions intead of built-in pickle.')
        return super(Sequential, self).__reduce__()

    def __str__(self):
        lines = []
        for index, layer in enumerate(self):
            if getattr(layer, '__name__', None) == '<lambda>':
                rep = inspect.getsource(layer).strip().rstrip(',')
            else:
                rep = str(layer)
            rep = '({}): {},'.format(index, rep)
            for line in rep.splitlines():
                lines.append('  {}\n'.format(line))
        text = ''.join(lines)
        if text:
            text = '\n' + text
        return '{}({})'.format(self.__class__.__name__, text)

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
            self.append(layer)

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
        if not (-n <= i < (n + 1)):
            raise IndexError('Index out of range: {}'.format(i))
        if i < 0:
            i += n
        if not callable(layer):
            raise ValueError(
                'All elements of the argument should be callable. But '
                'given {} is not callable.'.format(layer))
        self._layers.insert(i, layer)
        if isinstance(layer, _link.Link):
            if i == 0:
                self._children.insert(0, layer)
            else:
                # Chainer's placement (see the class note): right after the
                # child whose layer index is that of the first link before i.
                first_link_pos = 0
                for j in range(i):
                    if isinstance(self._layers[j], _link.Link):
                        first_link_pos = j
                        break
                self._children.insert(first_link_pos + 1, layer)
            self._rename_children()

    def remove(self, layer):
        """Removes the first occurrence of a layer.

        Args:
            layer (callable): The layer.

        Raises:
            ValueError: ``layer`` is not in the model.
        """
        if layer in self:
            del self[self.index(layer)]
        else:
            raise ValueError(
                'There is no layer object that is same as {}'.format(layer))

    def remove_by_layer_type(self, type_name):
        """Removes the layers of a given type.

        Args:
            type_name (str): Class name of the links (``'Linear'``) or
                ``__name__`` of the functions (``'relu'``) to remove.
        """
        for name, layer in [(_layer_type_name(layer), layer)
                            for layer in self]:
            if name == type_name:
                self.remove(layer)

    def pop(self, i=-1):
        """Removes and returns the layer at position ``i`` (the last one)."""
        layer = self._layers[i]
        del self[i]
        return layer

    def clear(self):
        """Removes all layers."""
        del self._children[:]
        self._layers = []

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
        return sum(1 for layer in self._layers
                   if _layer_type_name(layer) == type_name)

    def copy(self, mode='share'):
        """Returns a copy; links are copied with ``mode``, others shallowly.

        Args:
            mode (str): ``'share'``, ``'copy'`` or ``'init'`` (see
                :meth:`Link.copy <chainer.Link.copy>`).
        """
        ret = Sequential()
        for layer in self:
            if isinstance(layer, _link.Link):
                ret.append(layer.copy(mode))
            else:
                ret.append(copy.copy(layer))
        return ret

    def copyparams(self, link, copy_persistent=True):
        """Copies the parameters of the links of another Sequential.

        Args:
            link (Sequential): Source, with the same layers.
            copy_persistent (bool): Whether to copy persistent values.
        """
        if not isinstance(link, Sequential):
            raise ValueError('Objects other than Sequential object cannot be '
                             'copied to a Sequential object.')
        for idx, child in enumerate(self):
            if isinstance(child, _link.Link):
                child.copyparams(link[idx], copy_persistent)

    def flatten(self):
        """Returns a Sequential with nested Sequentials expanded in place.

        Returns:
            Sequential: The flattened model (sharing the layer objects).
        """
        ret = Sequential()
        for layer in self:
            if isinstance(layer, Sequential):
                ret.extend(layer.flatten())
            else:
                ret.append(layer)
        return ret


def _layer_type_name(layer):
    if isinstance(layer, _link.Link):
        return layer.__class__.__name__
    return layer.__name__
