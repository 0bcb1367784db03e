"""Caching of computed properties, kept apart per backprop mode."""
import functools


class cached_property(object):

    """A read-only property computed once per ``enable_backprop`` setting.

    A value computed with backprop enabled carries a graph; one computed in
    ``no_backprop_mode`` does not, so each mode keeps its own cached value
    (in ``obj.__dict__[name]``).

    Args:
        func (callable): Computes the value from the instance.
    """

    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func

    def __get__(self, obj, cls):
        if obj is None:
            return self
        from chainer_lite import configuration
        # One cached value per enable_backprop mode, kept in the instance
        # dictionary under the property's name.
        per_mode = obj.__dict__.setdefault(self.__name__, {})
        mode = configuration.config.enable_backprop
        if mode not in per_mode:
            per_mode[mode] = self.func(obj)
        return per_mode[mode]

    def __set__(self, obj, value):
        # Defining __set__ makes this a data descriptor, so the per-mode
        # dictionary stored under the same name never shadows it.
        raise AttributeError(
            'attribute \'{}\' of {} is readonly'.format(
                self.__name__, value))
