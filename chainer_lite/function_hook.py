"""Base class of hooks called around every function's forward and backward."""
import collections
import threading

class _ThreadLocal(threading.local):
    def __init__(self):
        # Runs once in every thread that touches it.
        self.function_hooks = collections.OrderedDict()


_thread_local = _ThreadLocal()


def _global_hooks():
    """The thread-local ordered dict of globally registered function hooks."""
    return _thread_local.function_hooks


class FunctionHook(object):
    """Base class of function hooks.

    A hook registered globally (``with hook:``) or on one function
    (:meth:`~chainer.FunctionNode.add_hook`) is called before and after the
    forward and backward computation of the functions it watches. Subclasses
    override the ``*_preprocess`` / ``*_postprocess`` methods they need.

    Attributes:
        name (str): Name of this function hook.
    """

    name = 'FunctionHook'

    def __enter__(self):
        hooks = _global_hooks()
        if self.name in hooks:
            raise KeyError('hook %s already exists' % self.name)
        hooks[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        hooks = _global_hooks()
        hooks[self.name].deleted(None)
        del hooks[self.name]

    def added(self, function):
        """Callback when the hook is registered (``function`` is None when
        registered globally)."""

    def deleted(self, function):
        """Callback when the hook is unregistered."""

    def forward_preprocess(self, function, in_data):
        """Callback before forward propagation."""

    def forward_postprocess(self, function, in_data):
        """Callback after forward propagation."""

    def backward_preprocess(self, function, in_data, out_grad):
        """Callback before backward propagation."""

    def backward_postprocess(self, function, in_data, out_grad):
        """Callback after backward propagation."""
