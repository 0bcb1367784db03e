"""Marking of experimental APIs with a ``FutureWarning``."""
import warnings


def experimental(api_name):
    """Warns that an experimental API is being used.

    Call it at the start of the experimental function (or of ``__init__`` for
    a class). The :class:`FutureWarning` is not issued when
    ``chainer.disable_experimental_feature_warning`` is ``True``.

    Args:
        api_name (str): Name of the experimental API, used in the message.

    Example:

        >>> import warnings
        >>> from chainer import utils
        >>> with warnings.catch_warnings(record=True) as w:
        ...     warnings.simplefilter('always')
        ...     utils.experimental('my.api')
        >>> print(w[0].message)
        my.api is experimental. The interface can change in the future.
    """
    import chainer_lite
    if not getattr(chainer_lite, 'disable_experimental_feature_warning',
                   False):
        warnings.warn(
            '{} is experimental. The interface can change in the future.'
            .format(api_name), FutureWarning)
