"""Global and thread-local configuration (``chainer.config``)."""
import contextlib
import itertools
import sys
import threading


# Bumped by every write to any configuration, so that readers on hot paths
# (FunctionNode.apply) can keep the values they need and re-read them only
# after a change.
_generation = [0]
_counter = itertools.count(1)


def _changed():
    # next() on a count is atomic, so concurrent writers never produce the
    # same value (which a reader could mistake for no change).
    _generation[0] = next(_counter)


class GlobalConfig(object):
    """The plain object that holds the process-wide configuration."""

    def __setattr__(self, name, value):
        super(GlobalConfig, self).__setattr__(name, value)
        _changed()

    def __delattr__(self, name):
        super(GlobalConfig, self).__delattr__(name)
        _changed()

    def show(self, file=sys.stdout):
        """Prints the configuration entries, one ``key value`` line each."""
        keys = sorted(self.__dict__)
        _print_attrs(self, keys, file)


class LocalConfig(object):
    """Thread-local configuration that falls back to a :class:`GlobalConfig`.

    Reading a key looks in this thread's entries first, then in the global
    configuration; writing always writes a thread-local entry.
    """

    def __init__(self, global_config):
        super(LocalConfig, self).__setattr__('_global', global_config)
        super(LocalConfig, self).__setattr__('_local', threading.local())

    def __delattr__(self, name):
        delattr(self._local, name)
        _changed()

    def __getattr__(self, name):
        dic = self._local.__dict__
        if name in dic:
            return dic[name]
        return getattr(self._global, name)

    def __setattr__(self, name, value):
        setattr(self._local, name, value)
        _changed()

    def show(self, file=sys.stdout):
        """Prints the effective configuration, one ``key value`` line each."""
        keys = sorted(set(self._global.__dict__) | set(self._local.__dict__))
        _print_attrs(self, keys, file)


def _print_attrs(obj, keys, file):
    max_len = max(len(key) for key in keys) if keys else 0
    for key in keys:
        spacer = ' ' * (max_len - len(key))
        file.write(u'{} {}{}\n'.format(key, spacer, getattr(obj, key)))


global_config = GlobalConfig()
config = LocalConfig(global_config)


class _ApplyFlags(threading.local):
    # (generation, enable_backprop, debug, type_check, lazy_grad_sum) as
    # this thread last read them.
    values = (-1, None, None, None, None)


_apply_flags = _ApplyFlags()


def _read_apply_flags():
    """Reads the entries FunctionNode.apply needs, and keeps them."""
    generation = _generation[0]  # first: a later change makes them stale
    values = (generation, config.enable_backprop, config.debug,
              config.type_check, config.lazy_grad_sum)
    _apply_flags.values = values
    return values


@contextlib.contextmanager
def using_config(name, value, config=config):
    """Temporarily sets a configuration entry in the current thread.

    Args:
        name (str): Name of the entry.
        value: Value to set during the ``with`` block.
        config (LocalConfig): The configuration object (``chainer.config``).

    Example:

        >>> import chainer
        >>> with chainer.using_config('train', False):
        ...     print(chainer.config.train)
        False
        >>> chainer.config.train
        True
    """
    local = config._local.__dict__
    if name in local:
        old_value = local[name]
        setattr(config, name, value)
        try:
            yield
        finally:
            setattr(config, name, old_value)
    else:
        setattr(config, name, value)
        try:
            yield
        finally:
            delattr(config, name)
