"""``@static_code``: accepted; the function runs on every call."""
import functools


def static_code(*args, **kwargs):
    """Marks a function as code to include in a static schedule.

    Since chainer_lite always runs define-by-run, the function simply runs
    each time it is called.
    """
    def wrap(func):
        @functools.wraps(func)
        def wrapped(*a, **k):
            return func(*a, **k)
        return wrapped

    if len(args) == 1 and not kwargs and callable(args[0]):
        return wrap(args[0])
    return wrap
