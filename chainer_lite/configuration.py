"""Global and thread-local configuration (``chainer.config``)."""
import contextlib
import sys
import threading


class GlobalConfig(object):
    """The plain object that holds the process-wide configuration."""

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

    def __getattr__(self, name):
        dic = self._local.__dict__
        if name in dic:
            return dic[name]
        return getattr(self._global, name)

    def __setattr__(self, name, value):
        setattr(self._local, name, value)

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
