"""``final`` methods: overriding them in a subclass raises or warns."""
import warnings


def final(*args, **kwargs):
    """Declares a method final.

    Usable as ``@final`` or ``@final(action=SomeWarningOrError)``. A subclass
    that overrides the method then raises ``action('method ... is final.')``
    at class creation (for an exception class, :class:`TypeError` by default)
    or warns ``Overriding method ...`` (for a warning class). The class
    defining the method must derive from :func:`enable_final`.

    Args:
        action (type): An exception class or a warning class.
    """
    def mark(f, action=TypeError):
        assert callable(f)
        f.__override_action = (action,)
        return f

    if not kwargs and len(args) == 1:
        return mark(args[0])
    assert len(args) == 0
    return lambda f: mark(f, **kwargs)


class _EnableFinal(type):

    def __new__(mcs, name, bases, namespace):
        for key in namespace:
            for base in bases:
                method = getattr(base, key, None)
                if not hasattr(method, '__override_action'):
                    continue
                action, = getattr(method, '__override_action')
                if issubclass(action, Warning):
                    warnings.warn('Overriding method {!r}.'.format(key),
                                  action)
                elif issubclass(action, Exception):
                    raise action('method {!r} is final.'.format(key))
                else:
                    raise AssertionError('Invalid action: {}'.format(action))
        return super(_EnableFinal, mcs).__new__(mcs, name, bases, namespace)


def enable_final(base=(), meta_base=()):
    """Returns a base class whose subclasses enforce :func:`final`.

    Args:
        base (type or tuple of types): The class(es) the returned class
            derives from.
        meta_base (type or tuple of types): Extra metaclasses, to avoid a
            metaclass conflict with subclasses that have their own.

    Returns:
        type: A class to derive from.
    """
    if not isinstance(base, (list, tuple)):
        base = (base,)
    if not isinstance(meta_base, (list, tuple)):
        meta_base = (meta_base,)
    base = tuple(base)
    metaclass = type('base_metaclass', (_EnableFinal,) + tuple(meta_base), {})

    # The returned placeholder is not kept in the subclass's bases: defining
    # a subclass of it builds the real class from ``base`` with
    # ``metaclass``, so the MRO holds only what the user asked for.
    class _Placeholder(type):

        def __new__(mcs, name, _bases, namespace):
            return metaclass(name, base, namespace)

        @classmethod
        def __prepare__(mcs, name, _bases):
            return metaclass.__prepare__(name, base)

    return type.__new__(_Placeholder, 'temporary_class', (), {})
