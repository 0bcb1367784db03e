"""Helpers for functions that take options through ``**kwargs``."""
import sys


def check_unexpected_kwargs(kwargs, **unexpected):
    """Raises ``ValueError`` for keyword arguments that are no longer accepted.

    Args:
        kwargs (dict): The keyword arguments received.
        unexpected: Maps each rejected keyword to the message to raise.

    Example:

        >>> from chainer.utils import argument
        >>> argument.check_unexpected_kwargs(
        ...     {'volatile': True}, volatile='use chainer.using_config')
        Traceback (most recent call last):
        ...
        ValueError: use chainer.using_config
    """
    for key, message in unexpected.items():
        if key in kwargs:
            raise ValueError(message)


def parse_kwargs(kwargs, *name_and_values, **unexpected):
    """Takes the known options out of ``kwargs`` and rejects the rest.

    Args:
        kwargs (dict): The keyword arguments received; known keys are popped.
        name_and_values: ``(name, default)`` pairs of the known options.
        unexpected: Keywords that get a dedicated ``ValueError`` message
            (see :func:`check_unexpected_kwargs`).

    Returns:
        tuple: The value of each known option, in the order given.

    Raises:
        TypeError: If other keywords remain; the message names the calling
            function, e.g. ``f() got unexpected keyword argument(s) 'x'``.

    Example:

        >>> from chainer.utils import argument
        >>> def f(**kwargs):
        ...     return argument.parse_kwargs(kwargs, ('a', 1), ('b', 2))
        >>> f(b=3)
        (1, 3)
        >>> f(c=0)
        Traceback (most recent call last):
        ...
        TypeError: f() got unexpected keyword argument(s) 'c'
    """
    values = [kwargs.pop(name, default) for name, default in name_and_values]
    if kwargs:
        check_unexpected_kwargs(kwargs, **unexpected)
        # The frame lookup is cheap, unlike inspect.stack(), and it only
        # happens on the error path.
        caller = sys._getframe(1).f_code.co_name
        names = ', '.join([repr(key) for key in sorted(kwargs)])
        raise TypeError(
            '{}() got unexpected keyword argument(s) {}'.format(caller, names))
    return tuple(values)


def assert_kwargs_empty(kwargs):
    """Raises ``TypeError`` if ``kwargs`` is not empty.

    Args:
        kwargs (dict): Keyword arguments that should all have been consumed.
    """
    parse_kwargs(kwargs)
