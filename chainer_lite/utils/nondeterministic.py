"""Warning for code whose results may vary between runs."""
import warnings

from chainer_lite import configuration


def nondeterministic(f_name):
    """Warns that non-deterministic code runs, if the config asks for it.

    The warning is issued only when ``chainer.config.warn_nondeterministic``
    is ``True``.

    Args:
        f_name (str): What is non-deterministic (e.g. ``'atomicAdd'``).
    """
    if configuration.config.warn_nondeterministic:
        warnings.warn(
            'Potentially non-deterministic code is being executed while'
            ' config.warn_nondeterministic set. Source: ' + f_name)
