"""Lazy check, shared by the plotting extensions, that matplotlib imports."""
import warnings


# Filled by the first call of is_available(): {'ok': bool}.
_cache = {}


def is_available():
    """Returns whether matplotlib can be imported, warning when it cannot.

    The import is attempted once; later calls reuse the answer (and warn
    again while it is negative).

    Returns:
        bool: ``True`` if ``import matplotlib`` works.
    """
    if 'ok' not in _cache:
        try:
            import matplotlib  # NOQA
        except (ImportError, TypeError):
            _cache['ok'] = False
        else:
            _cache['ok'] = True
    if not _cache['ok']:
        warnings.warn('matplotlib is not installed on your environment, '
                      'so nothing will be plotted at this time. '
                      'Please install matplotlib to plot figures.\n\n'
                      '  $ pip install matplotlib\n')
    return _cache['ok']
