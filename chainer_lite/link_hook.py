"""LinkHook: callbacks run before and after the forward pass of links."""
import chainer_lite
from chainer_lite import utils


class _ForwardPreprocessCallbackArgs(object):
    # What forward_preprocess receives: the link, the name of the forward
    # method and its arguments. The repr lists ``_fields`` in order.

    _fields = ('link', 'forward_name', 'args', 'kwargs')

    def __init__(self, link, forward_name, args, kwargs):
        self.link, self.forward_name = link, forward_name
        self.args, self.kwargs = args, kwargs

    def __repr__(self):
        return utils._repr_with_named_data(
            self, **{name: getattr(self, name) for name in self._fields})


class _ForwardPostprocessCallbackArgs(_ForwardPreprocessCallbackArgs):
    # What forward_postprocess receives: as above, plus the forward output.

    _fields = _ForwardPreprocessCallbackArgs._fields + ('out',)

    def __init__(self, link, forward_name, args, kwargs, out):
        super(_ForwardPostprocessCallbackArgs, self).__init__(
            link, forward_name, args, kwargs)
        self.out = out


class LinkHook(object):
    """Base class of callbacks invoked around :meth:`Link.forward`.

    A hook is registered either for every link called inside a ``with hook:``
    block (thread-locally), or for one link with
    :meth:`Link.add_hook(hook) <chainer.Link.add_hook>` (removed with
    :meth:`~chainer.Link.delete_hook`). Subclasses override any of
    :meth:`added`, :meth:`deleted`, :meth:`forward_preprocess` and
    :meth:`forward_postprocess`, which do nothing by default.

    Attributes:
        name (str): Name of the hook, the key it is registered under.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.links as L
        >>> class CountHook(chainer.LinkHook):
        ...     name = 'count'
        ...     calls = 0
        ...     def forward_preprocess(self, args):
        ...         self.calls += 1
        >>> layer = L.Linear(2, 3)
        >>> with CountHook() as hook:
        ...     _ = layer(np.zeros((1, 2), np.float32))
        >>> hook.calls
        1
    """

    name = 'LinkHook'

    def __enter__(self):
        # Registered for every link called in this thread until __exit__.
        registry = chainer_lite._get_link_hooks()
        if self.name in registry:
            raise KeyError('hook %s already exists' % self.name)
        registry[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        registry = chainer_lite._get_link_hooks()
        registry.pop(self.name).deleted(None)

    def added(self, link):
        """Called when the hook is registered.

        Args:
            link (~chainer.Link): The link it is registered to, or ``None``
                for a thread-global registration.
        """
        pass

    def deleted(self, link):
        """Called when the hook is unregistered.

        Args:
            link (~chainer.Link): The link it was registered to, or ``None``
                for a thread-global registration.
        """
        pass

    def forward_preprocess(self, args):
        """Called before the forward method of a link runs.

        Args:
            args: An object with the attributes ``link``, ``forward_name``,
                ``args`` (positional arguments) and ``kwargs``.
        """
        pass

    def forward_postprocess(self, args):
        """Called after the forward method of a link has run.

        Args:
            args: An object with the attributes ``link``, ``forward_name``,
                ``args``, ``kwargs`` and ``out`` (the returned value).
        """
        pass
